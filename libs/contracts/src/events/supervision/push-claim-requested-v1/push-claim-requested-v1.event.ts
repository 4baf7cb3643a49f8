import { defineEventType } from '../../../registry/event-type.definition';
import { EACH_DEPARTMENT } from '../../../registry/owners';
import { Topics } from '../../../registry/topics';
import { PushClaimRequestedV1Payload } from './push-claim-requested-v1.payload';

/** `PushClaimRequestedV1` names both the declaration (a value) and its payload (a type). */
export type PushClaimRequestedV1 = PushClaimRequestedV1Payload;
export const PushClaimRequestedV1 = defineEventType({
  type: 'zone.supervision.push.claim-requested.v1',
  version: 1,
  owner: EACH_DEPARTMENT,
  topic: Topics.SupervisionPushV1,
  payload: PushClaimRequestedV1Payload,
  key: 'uscc',
  summary:
    "A supervising department's system claims a push (认领) for its own department, through the gateway; the supervision app answers with push.claimed, or push.claim-refused and the reason (e.g. the department returned it).",
  example: {
    uscc: '91130871MA0CXQ123U',
    approvalId: 'SP-2026-000123',
    actor: 'SCJG-system',
    at: '2026-11-21T09:30:00+08:00',
  },
});
