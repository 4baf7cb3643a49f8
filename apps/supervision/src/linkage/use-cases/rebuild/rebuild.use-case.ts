import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import {
  CloudEvent,
  DeadlineNoticeV1Payload,
  PushClaimedV1Payload,
  PushReturnedV1Payload,
  PushRevocationRequestedV1Payload,
  PushSupervisedV1Payload,
} from '@hub/contracts';
import { NoticeSent, progressAfter, WorkdayCalendar } from '@hub/workdays';
import { SupervisedPush } from '../../entities/supervised-push.entity';
import { claimEffect, noticeSchedule, rowKey } from '../../push-rows';
import { SupervisionRepository } from '../../supervision.repository';
import { returnEffect } from '../return-push/return-push.use-case';
import { recordSupervision } from '../supervise-push/supervise-push.use-case';

/** Every event the app reads back is about one approval's push to one department (its notices name it too). */
export type OwnEvent = CloudEvent<{ approvalId: string; department: string }>;

/**
 * The app's own events read back from Kafka: live they were applied when made (nothing changes); replayed into an
 * empty schema they rebuild the claims, returns, supervision and notices exactly.
 */
@Injectable()
export class Rebuild {
  constructor(
    private readonly pushes: SupervisionRepository,
    @Inject(WorkdayCalendar) private readonly calendar: WorkdayCalendar,
  ) {}

  async apply(manager: EntityManager, events: OwnEvent[]): Promise<void> {
    const current = await this.pushes.findMany(
      manager,
      events.map((e) => [e.data!.approvalId, e.data!.department]),
    );
    for (const [i, event] of events.entries()) {
      const d = event.data!;
      // Earlier events of this batch may have changed the row: read it again then (rare outside a replay).
      const touched = events.slice(0, i).some((e) => e.data!.approvalId === d.approvalId);
      const row = touched
        ? await this.pushes.find(manager, d.approvalId, d.department, true)
        : (current.get(rowKey(d.approvalId, d.department)) ?? null);
      await this.applyOne(manager, event, row);
    }
  }

  private async applyOne(manager: EntityManager, event: OwnEvent, row: SupervisedPush | null): Promise<void> {
    const verb = event.type.split('.')[3];
    if (verb === 'claimed' && (!row || row.state === 'pushed' || row.state === 'held')) {
      const { change } = claimEffect(this.calendar, row, event.data as PushClaimedV1Payload);
      if (row) await this.pushes.updateMany(manager, [change]);
      else await this.pushes.insertMany(manager, [change]);
    } else if (verb === 'claim-refused' && row?.state === 'held' && row.heldClaimId === event.id)
      await this.pushes.remove(manager, row.approvalId, row.department);
    else if (verb === 'returned' && !row) {
      const r = event.data as PushReturnedV1Payload;
      await this.pushes.insert(manager, {
        approvalId: r.approvalId,
        department: r.department,
        uscc: r.uscc,
        noticeStage: 'none',
        ...returnEffect(r),
      });
    } else if (verb === 'returned' && row && row.state !== 'returned')
      await this.pushes.update(
        manager,
        row.approvalId,
        row.department,
        returnEffect(event.data as PushReturnedV1Payload),
      );
    else if (verb === 'supervised')
      await recordSupervision(this.pushes, manager, event.data as PushSupervisedV1Payload, null);
    else if (verb === 'revocation-requested') {
      const q = event.data as PushRevocationRequestedV1Payload;
      await this.pushes.setRevocationRequest(manager, q.actionId, q.requestId);
    } else if (row && (verb === 'reminded' || verb === 'overdue' || verb === 'escalated')) {
      if ((event.data as DeadlineNoticeV1Payload).limit !== row.noticeLimit) return;
      const schedule = noticeSchedule(this.calendar, row);
      const progress = schedule && progressAfter(schedule, row.noticeStage, verb as NoticeSent);
      if (progress) await this.pushes.update(manager, row.approvalId, row.department, progress);
    }
  }
}
