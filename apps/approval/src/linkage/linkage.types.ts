export type { Commitment, LicenceDecision, ReformMode } from '@hub/contracts';
export type { NoticeStage as NoticeStageName } from '@hub/workdays';

/** The zone's coordinators (政法委, 党政办): they assign unassigned approvals, re-route returns, receive escalations. */
export const COORDINATORS = ['ZFW', 'DZB'] as const;
export const APPROVAL_BUREAU = 'SPJ';
