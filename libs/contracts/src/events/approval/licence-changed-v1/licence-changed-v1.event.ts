import { defineEventType } from '../../../registry/event-type.definition';
import { Topics } from '../../../registry/topics';
import { LicenceChangedV1Payload } from './licence-changed-v1.payload';

/** `LicenceChangedV1` names both the declaration (a value) and its payload (a type). */
export type LicenceChangedV1 = LicenceChangedV1Payload;
export const LicenceChangedV1 = defineEventType({
  type: 'zone.approval.licence.changed.v1',
  version: 1,
  owner: 'SPJ',
  topic: Topics.ApprovalLicenceV1,
  payload: LicenceChangedV1Payload,
  key: 'uscc',
  summary: '审批局 changed a licence (变更), e.g. its address or scope.',
  example: {
    uscc: '91130871MA0CXQ123U',
    approvalId: 'SP-2026-000123',
    matterCode: 'SPJ-SPJY-001',
    licenceNo: 'JY11308710000123',
    decidedAt: '2026-11-20T10:00:00+08:00',
    changes: '经营场所变更为高新区示例路 8 号',
  },
});
