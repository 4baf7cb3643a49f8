import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CloudEvent, DeadlineNoticeV1Payload, LicencePushedV1Payload } from '@hub/contracts';
import { NoticeSent, progressAfter, WorkdayCalendar } from '@hub/workdays';
import { Push } from '../../entities/push.entity';
import { LinkageRepository } from '../../linkage.repository';
import { entry } from '../../timeline';
import { noticeEntry, pushSchedule } from '../send-due-notices/send-due-notices.use-case';

/**
 * The app's own pushes and notices read back from Kafka. Live they are already recorded; replayed into an empty
 * schema they restore the coordinator's assignments and the unassigned queue's notices exactly as they were made.
 */
@Injectable()
export class Rebuild {
  constructor(
    private readonly linkage: LinkageRepository,
    @Inject(WorkdayCalendar) private readonly calendar: WorkdayCalendar,
  ) {}

  async applyPushes(manager: EntityManager, events: CloudEvent<LicencePushedV1Payload>[]): Promise<void> {
    const known = await this.linkage.existingPushes(
      manager,
      events.map((e) => e.data!.pushId),
    );
    for (const event of events) {
      const d = event.data!;
      if (known.has(d.pushId)) continue;
      known.add(d.pushId);
      const approval = await this.linkage.findApproval(manager, d.approvalId);
      if (!approval) continue; // its decision comes first on the same partition; nothing to attach to otherwise
      const push: Push = {
        pushId: d.pushId,
        approvalId: d.approvalId,
        uscc: d.uscc,
        department: d.department,
        pushedAt: new Date(d.pushedAt),
        claimDueAt: new Date(d.claimDueAt),
        assignedBy: d.assignedBy ?? null,
        replacesPushId: d.replacesPushId ?? null,
      };
      await this.linkage.insertPush(manager, push);
      await this.linkage.updateApproval(manager, d.approvalId, { state: 'assigned', nextNoticeAt: null });
      await this.linkage.addTimeline(manager, [
        entry(event.id, approval, 'pushed', push.pushedAt, d.department, d.assignedBy ?? 'approval', {
          pushId: d.pushId,
          claimDueAt: d.claimDueAt,
          ...(d.replacesPushId ? { replacesPushId: d.replacesPushId } : {}),
        }),
      ]);
    }
  }

  /** A push-deadline notice of the app's own, read back (replay) or just sent: the stage only moves forward. */
  async applyNotice(manager: EntityManager, event: CloudEvent<DeadlineNoticeV1Payload>, stage: NoticeSent) {
    const approval = await this.linkage.findApproval(manager, event.data!.approvalId);
    if (!approval) return;
    await this.linkage.addTimeline(manager, [noticeEntry(this.calendar, approval, event, stage)]);
    const progress = progressAfter(pushSchedule(this.calendar, approval), approval.noticeStage, stage);
    if (progress && approval.state === 'unassigned')
      await this.linkage.updateApproval(manager, approval.approvalId, progress);
  }
}
