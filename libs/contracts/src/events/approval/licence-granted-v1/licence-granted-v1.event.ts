import { defineEventType } from '../../../registry/event-type.definition';
import { Topics } from '../../../registry/topics';
import { LicenceGrantedV1Payload } from './licence-granted-v1.payload';

/** `LicenceGrantedV1` names both the declaration (a value) and its payload (a type). */
export type LicenceGrantedV1 = LicenceGrantedV1Payload;
export const LicenceGrantedV1 = defineEventType({
  type: 'zone.approval.licence.granted.v1',
  version: 1,
  owner: 'SPJ',
  topic: Topics.ApprovalLicenceV1,
  payload: LicenceGrantedV1Payload,
  key: 'uscc',
  summary: '审批局 granted a licence; for a 告知承诺 matter it carries the commitments the applicant made.',
  example: {
    uscc: '91130871MA0CXQ123U',
    approvalId: 'SP-2026-000123',
    matterCode: 'SPJ-SPJY-001',
    licenceNo: 'JY11308710000123',
    decidedAt: '2026-11-20T10:00:00+08:00',
    validUntil: '2031-11-19',
    commitments: [{ code: 'C1', text: '经营场所符合食品安全条件' }],
  },
});
