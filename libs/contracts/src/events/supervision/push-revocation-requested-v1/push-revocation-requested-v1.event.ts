import { defineEventType } from '../../../registry/event-type.definition';
import { Topics } from '../../../registry/topics';
import { PushRevocationRequestedV1Payload } from './push-revocation-requested-v1.payload';

/** `PushRevocationRequestedV1` names both the declaration (a value) and its payload (a type). */
export type PushRevocationRequestedV1 = PushRevocationRequestedV1Payload;
export const PushRevocationRequestedV1 = defineEventType({
  type: 'zone.supervision.push.revocation-requested.v1',
  version: 1,
  owner: 'supervision',
  topic: Topics.SupervisionPushV1,
  payload: PushRevocationRequestedV1Payload,
  key: 'uscc',
  summary:
    'A supervising department found a commitment false (or the licence unlawful) and asks the 审批局 to revoke the licence: the loop closes when the 审批局 revokes it.',
  example: {
    uscc: '91130871MA0CXQ123U',
    approvalId: 'SP-2026-000123',
    pushId: 'push-3f2a',
    department: 'SCJG',
    actor: 'SCJG-0042',
    at: '2026-11-21T09:30:00+08:00',
    requestId: 'rr-0001',
    actionId: 'act-78',
    licenceNo: 'JY11308710000123',
    reason: '告知承诺内容与实际不符（承诺不实）',
  },
});
