import { defineEventType } from '../../../registry/event-type.definition';
import { Topics } from '../../../registry/topics';
import { LicenceRenewedV1Payload } from './licence-renewed-v1.payload';

/** `LicenceRenewedV1` names both the declaration (a value) and its payload (a type). */
export type LicenceRenewedV1 = LicenceRenewedV1Payload;
export const LicenceRenewedV1 = defineEventType({
  type: 'zone.approval.licence.renewed.v1',
  version: 1,
  owner: 'SPJ',
  topic: Topics.ApprovalLicenceV1,
  payload: LicenceRenewedV1Payload,
  key: 'uscc',
  summary: '审批局 renewed a licence (延续).',
  example: {
    uscc: '91130871MA0CXQ123U',
    approvalId: 'SP-2026-000123',
    matterCode: 'SPJ-SPJY-001',
    licenceNo: 'JY11308710000123',
    decidedAt: '2026-11-20T10:00:00+08:00',
    validUntil: '2036-11-19',
  },
});
