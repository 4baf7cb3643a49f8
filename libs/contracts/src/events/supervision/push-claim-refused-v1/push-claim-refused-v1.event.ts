import { defineEventType } from '../../../registry/event-type.definition';
import { Topics } from '../../../registry/topics';
import { PushClaimRefusedV1Payload } from './push-claim-refused-v1.payload';

/** `PushClaimRefusedV1` names both the declaration (a value) and its payload (a type). */
export type PushClaimRefusedV1 = PushClaimRefusedV1Payload;
export const PushClaimRefusedV1 = defineEventType({
  type: 'zone.supervision.push.claim-refused.v1',
  version: 1,
  owner: 'supervision',
  topic: Topics.SupervisionPushV1,
  payload: PushClaimRefusedV1Payload,
  key: 'uscc',
  summary:
    "The answer to a department's claim that could not be made (a claim request, or a claim held for its push): the approval was returned or claimed already, the department supervises none, or no push to it came within the claim limit.",
  example: {
    uscc: '91130871MA0CXQ123U',
    approvalId: 'SP-2026-000123',
    pushId: 'push-3f2a',
    department: 'SCJG',
    actor: 'SCJG-system',
    at: '2026-11-21T09:30:00+08:00',
    reason: 'SCJG returned approval SP-2026-000123',
  },
});
