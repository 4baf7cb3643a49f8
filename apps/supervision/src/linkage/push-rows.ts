import { EntityManager } from 'typeorm';
import type { ClaimChannel, PushClaimedV1Payload } from '@hub/contracts';
import { ProblemException } from '@hub/platform';
import { DeadlineSchedule, deadlineSchedule, nextNoticeAt, scheduleForDue, WorkdayCalendar } from '@hub/workdays';
import { SupervisedPush } from './entities/supervised-push.entity';
import { SupervisionRepository } from './supervision.repository';

/** The `source` of every event the supervision app makes. */
export const SOURCE = '/apps/supervision';

/** The key of a department's row in a batch's map (see SupervisionRepository.findMany). */
export const rowKey = (approvalId: string, department: string): string => `${approvalId}\u0000${department}`;

/** A row's held-claim columns when no claim is held. */
export const NOT_HELD: Pick<SupervisedPush, 'heldClaimId' | 'heldBy' | 'heldChannel' | 'heldAt' | 'heldUntil'> = {
  heldClaimId: null,
  heldBy: null,
  heldChannel: null,
  heldAt: null,
  heldUntil: null,
};

/** The columns a held claim (or a claim read back before its push) leaves empty until its push arrives. */
export const EARLY_CLAIM: Omit<SupervisedPush, 'approvalId' | 'department' | 'uscc' | 'state' | 'noticeStage'> = {
  ...NOT_HELD,
  pushId: null,
  matterCode: null,
  matterName: null,
  reformMode: null,
  decision: null,
  licenceNo: null,
  commitments: null,
  pushedAt: null,
  claimDueDate: null,
  claimDueAt: null,
  claimDueProvisional: null,
  supervisionWorkdays: null,
  claimedAt: null,
  claimedBy: null,
  returnedAt: null,
  supervisedAt: null,
  lastResult: null,
  supervisionDueDate: null,
  supervisionDueAt: null,
  supervisionDueProvisional: null,
  noticeLimit: null,
  nextNoticeAt: null,
};

/**
 * The supervision limit a claim starts: `workdays` working days from the claim. While the push is open (claimed,
 * not yet supervised) its notices run on it.
 */
export function supervisionLimit(
  calendar: WorkdayCalendar,
  claimedAt: Date,
  workdays: number,
  open = true,
): Partial<SupervisedPush> {
  const schedule = deadlineSchedule(calendar, claimedAt, workdays);
  const due = {
    supervisionDueDate: schedule.dueDate,
    supervisionDueAt: schedule.dueAt,
    supervisionDueProvisional: schedule.provisional,
  };
  if (!open) return due;
  return {
    ...due,
    noticeLimit: 'supervision',
    noticeStage: 'none',
    nextNoticeAt: nextNoticeAt(schedule, 'none') ?? null,
  };
}

/** A claim held for its push until `heldUntil`: answered under `id` when the push arrives, or refused then. */
export function heldClaim(
  claim: { approvalId: string; department: string; uscc: string; actor: string; channel: ClaimChannel },
  at: Date,
  id: string,
  heldUntil: Date,
): SupervisedPush {
  return {
    ...EARLY_CLAIM,
    approvalId: claim.approvalId,
    department: claim.department,
    uscc: claim.uscc,
    state: 'held',
    noticeStage: 'none',
    heldClaimId: id,
    heldBy: claim.actor,
    heldChannel: claim.channel,
    heldAt: at,
    heldUntil,
  };
}

/**
 * What a claim (push.claimed) does to the department's row: claimed, the held claim (if any) answered, and the
 * supervision limit started once the push says how long it is. With no row yet (a claim read back before its
 * push) it is the row to insert. Returns the change and the row as it is then.
 */
export function claimEffect(
  calendar: WorkdayCalendar,
  row: SupervisedPush | null,
  d: PushClaimedV1Payload,
): { change: Partial<SupervisedPush>; push: SupervisedPush } {
  const claimedAt = new Date(d.at);
  const claim = { state: 'claimed' as const, claimedAt, claimedBy: d.actor };
  if (!row) {
    const change: Partial<SupervisedPush> = {
      approvalId: d.approvalId,
      department: d.department,
      uscc: d.uscc,
      ...claim,
      noticeLimit: null,
      noticeStage: 'none',
      nextNoticeAt: null,
    };
    return { change, push: { ...EARLY_CLAIM, ...change } as SupervisedPush };
  }
  const supervision = row.supervisionWorkdays ? supervisionLimit(calendar, claimedAt, row.supervisionWorkdays) : {};
  const held = row.state === 'held' ? NOT_HELD : {};
  const change = { approvalId: d.approvalId, department: d.department, ...claim, ...held, ...supervision };
  return { change, push: { ...row, ...change } };
}

/** The department's row of a push it has received (locked), or 404 when its push has not come. */
export async function receivedPush(
  pushes: SupervisionRepository,
  manager: EntityManager,
  approvalId: string,
  department: string,
): Promise<SupervisedPush> {
  const row = await pushes.find(manager, approvalId, department, true);
  if (!row || !row.pushId)
    throw new ProblemException(404, 'not-found', `approval ${approvalId} has not been pushed to ${department}`);
  return row;
}

/** The schedule of the limit whose notices run on the row (claim or supervision); undefined when none does. */
export function noticeSchedule(calendar: WorkdayCalendar, row: SupervisedPush): DeadlineSchedule | undefined {
  if (row.noticeLimit === 'claim' && row.claimDueAt) {
    return scheduleForDue(calendar, {
      dueDate: row.claimDueDate!,
      dueAt: row.claimDueAt,
      provisional: row.claimDueProvisional ?? false,
    });
  }
  if (row.noticeLimit === 'supervision' && row.supervisionDueAt) {
    return scheduleForDue(calendar, {
      dueDate: row.supervisionDueDate!,
      dueAt: row.supervisionDueAt,
      provisional: row.supervisionDueProvisional ?? false,
    });
  }
  return undefined;
}
