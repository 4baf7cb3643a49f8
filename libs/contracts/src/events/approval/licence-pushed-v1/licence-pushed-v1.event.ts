import { defineEventType } from '../../../registry/event-type.definition';
import { Topics } from '../../../registry/topics';
import { LicencePushedV1Payload } from './licence-pushed-v1.payload';

/** `LicencePushedV1` names both the declaration (a value) and its payload (a type). */
export type LicencePushedV1 = LicencePushedV1Payload;
export const LicencePushedV1 = defineEventType({
  type: 'zone.approval.licence.pushed.v1',
  version: 1,
  owner: 'approval',
  topic: Topics.ApprovalLicenceV1,
  payload: LicencePushedV1Payload,
  key: 'uscc',
  summary: 'The approval app pushed an approval decision to a supervising department (推送), with its claim deadline.',
  example: {
    uscc: '91130871MA0CXQ123U',
    approvalId: 'SP-2026-000123',
    matterCode: 'SPJ-SPJY-001',
    licenceNo: 'JY11308710000123',
    decidedAt: '2026-11-20T10:00:00+08:00',
    pushId: 'push-3f2a',
    decision: 'granted',
    matterName: '食品经营许可',
    reformMode: 'commitment',
    department: 'SCJG',
    pushedAt: '2026-11-20T10:00:02.000Z',
    claimDueDate: '2026-11-24',
    claimDueAt: '2026-11-24T16:00:00.000Z',
    claimDueProvisional: false,
    supervisionWorkdays: 20,
    commitments: [{ code: 'C1', text: '经营场所符合食品安全条件' }],
  },
});
