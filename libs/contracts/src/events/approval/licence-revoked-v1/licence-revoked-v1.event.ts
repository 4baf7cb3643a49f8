import { defineEventType } from '../../../registry/event-type.definition';
import { Topics } from '../../../registry/topics';
import { LicenceRevokedV1Payload } from './licence-revoked-v1.payload';

/** `LicenceRevokedV1` names both the declaration (a value) and its payload (a type). */
export type LicenceRevokedV1 = LicenceRevokedV1Payload;
export const LicenceRevokedV1 = defineEventType({
  type: 'zone.approval.licence.revoked.v1',
  version: 1,
  owner: 'SPJ',
  topic: Topics.ApprovalLicenceV1,
  payload: LicenceRevokedV1Payload,
  key: 'uscc',
  summary: '审批局 revoked a licence (撤销/吊销); when a supervising department asked for it, the request it answers.',
  example: {
    uscc: '91130871MA0CXQ123U',
    approvalId: 'SP-2026-000123',
    matterCode: 'SPJ-SPJY-001',
    licenceNo: 'JY11308710000123',
    decidedAt: '2026-11-20T10:00:00+08:00',
    reason: '以虚假承诺取得许可',
    revocationRequestId: 'rr-0001',
  },
});
