import { CloudEvent, LicencePushedV1Payload, stableId } from '@hub/contracts';
import { Approval } from './entities/approval.entity';
import { Push } from './entities/push.entity';
import { RevocationRequest } from './entities/revocation-request.entity';
import { TimelineEntry, TimelineKind } from './entities/timeline-entry.entity';
import { APPROVAL_BUREAU } from './linkage.types';

/**
 * The timeline steps recorded from the supervising departments' acts: their actor is the officer who acted
 * (PushActivityBase.actor, personal data in the contract).
 */
export const OFFICER_STEPS: ReadonlySet<TimelineKind> = new Set([
  'claimed',
  'claim-refused',
  'returned',
  'supervised',
  'fed-back',
  'revocation-requested',
]);

/** One step on an approval's timeline, keyed by the event that made it (a redelivery or replay adds nothing). */
export function entry(
  eventId: string,
  approval: Pick<Approval, 'approvalId' | 'uscc'>,
  kind: TimelineKind,
  at: Date,
  department: string | null,
  actor: string,
  detail: Record<string, unknown> = {},
): TimelineEntry {
  return { eventId, approvalId: approval.approvalId, uscc: approval.uscc, kind, at, department, actor, detail };
}

/** The 'pushed' step of a push made (or read back). */
export function pushedEntry(
  approval: Approval,
  { push, event }: { push: Push; event: CloudEvent<LicencePushedV1Payload> },
): TimelineEntry {
  return entry(event.id, approval, 'pushed', push.pushedAt, push.department, push.assignedBy ?? 'approval', {
    pushId: push.pushId,
    claimDueAt: event.data!.claimDueAt,
    ...(push.replacesPushId ? { replacesPushId: push.replacesPushId } : {}),
  });
}

/** The 'revoked' step on the timeline of the approval a request asked to revoke, from the revoking decision's receipt. */
export function revokedEntry(
  received: Pick<TimelineEntry, 'eventId' | 'approvalId' | 'uscc' | 'at'>,
  request: Pick<RevocationRequest, 'requestId' | 'approvalId' | 'department'>,
): TimelineEntry {
  return {
    ...entry(
      stableId('revoked', received.eventId),
      received,
      'revoked',
      received.at,
      request.department,
      APPROVAL_BUREAU,
      {
        requestId: request.requestId,
        revokedByApprovalId: received.approvalId,
      },
    ),
    approvalId: request.approvalId,
  };
}
