export type { Commitment, LicenceDecision, ReformMode } from '@hub/contracts';
export type { NoticeStage as NoticeStageName } from '@hub/workdays';

/** The 审批局: it decides the approvals, and its head hears of those waiting past their push limit. */
export const APPROVAL_BUREAU = 'SPJ';
