import { LicenceGrantedV1 } from '@hub/contracts';
import type { SupervisedPush } from '../../entities/supervised-push.entity';

/**
 * The department that decides the approvals (the owner of the licence decisions): 审管分离 keeps it from supervising
 * them, so no push ever goes to it and it claims none.
 */
export const APPROVING_DEPARTMENT = LicenceGrantedV1.owner;

/** Why a department may not claim this approval at all, whatever its row says; undefined when it may. */
export function notSupervisedBy(department: string, approvalId: string): string | undefined {
  if (department === APPROVING_DEPARTMENT)
    return `${department} decides approvals and supervises none (审管分离): it cannot claim approval ${approvalId}`;
  return undefined;
}

/** Why a claim on this row cannot be made (returned, or claimed already); undefined when it can, or is held. */
export function claimConflict(
  department: string,
  approvalId: string,
  row: Pick<SupervisedPush, 'state'> | null,
): string | undefined {
  if (row?.state === 'returned') return `${department} returned approval ${approvalId}`;
  if (row?.state === 'claimed' || row?.state === 'supervised')
    return `${department} claimed approval ${approvalId} already`;
  return undefined;
}

/**
 * The time a claim is recorded as of: when the department says it claimed, but never before the push it claims
 * (a claim held for its push dates from the push) nor after the app learnt of it.
 */
export function claimDate(requestedAt: Date, pushedAt: Date, now: Date): Date {
  const said = Math.min(requestedAt.getTime(), now.getTime());
  return new Date(Math.max(said, pushedAt.getTime()));
}

/** The refusal of a claim whose push did not come in time. */
export function holdExpired(department: string, approvalId: string, holdMs: number): string {
  const hours = Math.round(holdMs / 3_600_000);
  const limit = hours >= 1 ? `${hours} h` : `${Math.round(holdMs / 1000)} s`;
  return `no push of approval ${approvalId} to ${department} arrived within the claim limit (${limit}): claim it again once it is pushed`;
}
