import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import {
  CloudEvent,
  PushClaimRefusedV1,
  PushClaimRequestedV1Payload,
  PushClaimedV1,
  createEvent,
  stableId,
} from '@hub/contracts';
import { OutboxWriter, RejectedMessage } from '@hub/messaging';
import { Clock } from '@hub/workdays';
import { SupervisionEnv } from '../../../supervision.env';
import { heldClaim, SOURCE } from '../../push-rows';
import { SupervisionRepository } from '../../supervision.repository';
import { claimConflict, claimDate, notSupervisedBy } from '../claim-push/claim.rules';

/**
 * A claim a department's system sent through the gateway (its ingress or signed HTTP intake). Its answer is an
 * event, push.claimed or push.claim-refused, under an id derived from the request's, and the claim takes effect when
 * the app reads that answer back, never as it decides. So a replay of the topics, which may meet the request in
 * another order with the department's other acts over HTTP, applies the answer given live (earlier in the log)
 * and passes over the one it gives again (the same id). A request that comes before its push is held, with no
 * answer yet: the push answers it (push.claimed), or the hold's end does (push.claim-refused).
 */
@Injectable()
export class AnswerClaimRequest {
  constructor(
    private readonly pushes: SupervisionRepository,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
    private readonly env: SupervisionEnv,
  ) {}

  async answer(manager: EntityManager, event: CloudEvent<PushClaimRequestedV1Payload>): Promise<void> {
    const d = event.data!;
    const department = event.department;
    if (department === undefined) {
      throw new RejectedMessage([
        { field: 'department', rule: 'required', message: 'a claim request names the claiming department' },
      ]);
    }
    const id = stableId('claim-requested', event.source, event.id);
    const now = this.clock.now();
    const requestedAt = new Date(d.at);
    const row = await this.pushes.find(manager, d.approvalId, department, true);
    const refusal =
      notSupervisedBy(department, d.approvalId) ??
      claimConflict(department, d.approvalId, row) ??
      (row?.state === 'held'
        ? `a claim of approval ${d.approvalId} by ${department} is held already, until its push arrives`
        : undefined);
    if (refusal === undefined && !row) {
      const claim = { ...d, department, channel: 'system' as const };
      const until = new Date(now.getTime() + this.env.CLAIM_HOLD_MS);
      await this.pushes.insert(manager, heldClaim(claim, earliest(requestedAt, now), id, until));
      return;
    }
    const answer = {
      uscc: row?.uscc ?? d.uscc,
      approvalId: d.approvalId,
      ...(row?.pushId ? { pushId: row.pushId } : {}),
      department,
      actor: d.actor,
    };
    const outcome =
      refusal === undefined
        ? createEvent(
            PushClaimedV1,
            { ...answer, at: claimDate(requestedAt, row!.pushedAt!, now).toISOString(), channel: 'system' },
            { source: SOURCE, id },
          )
        : createEvent(
            PushClaimRefusedV1,
            { ...answer, at: requestedAt.toISOString(), reason: refusal },
            { source: SOURCE, id },
          );
    await this.outbox.enqueue(manager, [outcome], { applyWhenReadBack: true });
  }
}

function earliest(a: Date, b: Date): Date {
  return a.getTime() <= b.getTime() ? a : b;
}
