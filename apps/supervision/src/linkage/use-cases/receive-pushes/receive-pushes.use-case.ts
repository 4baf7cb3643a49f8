import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CloudEvent, LicencePushedV1Payload, PushClaimedV1, PushClaimedV1Payload, createEvent } from '@hub/contracts';
import { OutboxWriter } from '@hub/messaging';
import { Clock, nextNoticeAt, scheduleForDue, WorkdayCalendar } from '@hub/workdays';
import { SupervisedPush } from '../../entities/supervised-push.entity';
import { NOT_HELD, rowKey, SOURCE, supervisionLimit } from '../../push-rows';
import { SupervisionRepository } from '../../supervision.repository';
import { claimDate } from '../claim-push/claim.rules';

/**
 * Pushes from the approval app. A new push starts the claim limit; one met by a held claim makes the claim
 * (push.claimed, dated no earlier than the push) and starts the supervision limit; one met by a claim read back
 * before it (a replay) completes that row. A push received already changes nothing.
 */
@Injectable()
export class ReceivePushes {
  constructor(
    private readonly pushes: SupervisionRepository,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
    @Inject(WorkdayCalendar) private readonly calendar: WorkdayCalendar,
  ) {}

  async receive(manager: EntityManager, events: CloudEvent<LicencePushedV1Payload>[]): Promise<void> {
    const rows = await this.pushes.findMany(
      manager,
      events.map((e) => [e.data!.approvalId, e.data!.department]),
    );
    const inserts: Partial<SupervisedPush>[] = [];
    const updates: Partial<SupervisedPush>[] = [];
    const claims: CloudEvent<PushClaimedV1Payload>[] = [];
    const now = this.clock.now();
    for (const { data } of events) {
      const d = data!;
      const key = rowKey(d.approvalId, d.department);
      const existing = rows.get(key) ?? null;
      if (existing?.pushId) continue;
      rows.set(key, { pushId: d.pushId } as SupervisedPush);
      const facts = factsOf(d);
      if (existing?.state === 'held') {
        const claimedAt = claimDate(existing.heldAt!, facts.pushedAt!, now);
        claims.push(
          createEvent(
            PushClaimedV1,
            {
              uscc: d.uscc,
              approvalId: d.approvalId,
              pushId: d.pushId,
              department: d.department,
              actor: existing.heldBy!,
              at: claimedAt.toISOString(),
              channel: existing.heldChannel ?? 'system',
            },
            { source: SOURCE, id: existing.heldClaimId! },
          ),
        );
        updates.push({
          ...facts,
          ...NOT_HELD,
          state: 'claimed',
          claimedAt,
          claimedBy: existing.heldBy,
          ...supervisionLimit(this.calendar, claimedAt, d.supervisionWorkdays),
        });
      } else if (!existing) {
        const schedule = scheduleForDue(this.calendar, {
          dueDate: d.claimDueDate,
          dueAt: new Date(d.claimDueAt),
          provisional: d.claimDueProvisional,
        });
        inserts.push({
          ...facts,
          state: 'pushed',
          noticeLimit: 'claim',
          noticeStage: 'none',
          nextNoticeAt: nextNoticeAt(schedule, 'none') ?? null,
        });
      } else {
        // A claim read back before its push starts the supervision limit once the push says how long it is;
        // notices only while open.
        const supervision = existing.claimedAt
          ? supervisionLimit(this.calendar, existing.claimedAt, d.supervisionWorkdays, existing.state === 'claimed')
          : {};
        updates.push({ ...facts, ...supervision });
      }
    }
    await this.pushes.insertMany(manager, inserts);
    await this.pushes.updateMany(manager, updates);
    await this.outbox.enqueue(manager, claims);
  }
}

/** The push as the department's row records it. */
function factsOf(d: LicencePushedV1Payload): Partial<SupervisedPush> {
  return {
    approvalId: d.approvalId,
    department: d.department,
    uscc: d.uscc,
    pushId: d.pushId,
    matterCode: d.matterCode,
    matterName: d.matterName,
    reformMode: d.reformMode,
    decision: d.decision,
    licenceNo: d.licenceNo,
    commitments: d.commitments ?? null,
    pushedAt: new Date(d.pushedAt),
    claimDueDate: d.claimDueDate,
    claimDueAt: new Date(d.claimDueAt),
    claimDueProvisional: d.claimDueProvisional,
    supervisionWorkdays: d.supervisionWorkdays,
  };
}
