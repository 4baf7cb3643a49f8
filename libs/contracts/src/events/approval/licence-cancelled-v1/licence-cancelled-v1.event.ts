import { defineEventType } from '../../../registry/event-type.definition';
import { Topics } from '../../../registry/topics';
import { LicenceCancelledV1Payload } from './licence-cancelled-v1.payload';

/** `LicenceCancelledV1` names both the declaration (a value) and its payload (a type). */
export type LicenceCancelledV1 = LicenceCancelledV1Payload;
export const LicenceCancelledV1 = defineEventType({
  type: 'zone.approval.licence.cancelled.v1',
  version: 1,
  owner: 'SPJ',
  topic: Topics.ApprovalLicenceV1,
  payload: LicenceCancelledV1Payload,
  key: 'uscc',
  summary: "审批局 cancelled a licence (注销), e.g. at the holder's request or on expiry.",
  example: {
    uscc: '91130871MA0CXQ123U',
    approvalId: 'SP-2026-000123',
    matterCode: 'SPJ-SPJY-001',
    licenceNo: 'JY11308710000123',
    decidedAt: '2026-11-20T10:00:00+08:00',
    reason: '申请人申请注销',
  },
});
