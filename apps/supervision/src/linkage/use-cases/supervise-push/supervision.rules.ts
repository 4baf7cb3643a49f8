import type { FeedbackEffect, SupervisionResult } from '@hub/contracts';

/** What a result bears on: the approval itself, and the enterprise's credit record (信用记录). */
export const EFFECTS: Readonly<Record<SupervisionResult, FeedbackEffect[]>> = {
  compliant: [],
  'rectification-ordered': ['credit'],
  'commitment-false': ['approval', 'credit'],
  'licence-should-be-revoked': ['approval', 'credit'],
};

/** A false commitment (告知承诺制) or a licence that should not stand: the 审批局 is asked to revoke it. */
export function callsForRevocation(result: SupervisionResult): boolean {
  return result === 'commitment-false' || result === 'licence-should-be-revoked';
}
