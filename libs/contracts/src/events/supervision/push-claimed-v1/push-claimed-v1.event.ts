import { defineEventType } from '../../../registry/event-type.definition';
import { Topics } from '../../../registry/topics';
import { PushClaimedV1Payload } from './push-claimed-v1.payload';

/** `PushClaimedV1` names both the declaration (a value) and its payload (a type). */
export type PushClaimedV1 = PushClaimedV1Payload;
export const PushClaimedV1 = defineEventType({
  type: 'zone.supervision.push.claimed.v1',
  version: 1,
  owner: 'supervision',
  topic: Topics.SupervisionPushV1,
  payload: PushClaimedV1Payload,
  key: 'uscc',
  summary: 'A supervising department claimed a push (认领): from now on it supervises the approval.',
  example: {
    uscc: '91130871MA0CXQ123U',
    approvalId: 'SP-2026-000123',
    pushId: 'push-3f2a',
    department: 'SCJG',
    actor: 'SCJG-0042',
    at: '2026-11-21T09:30:00+08:00',
    channel: 'system',
  },
});
