import { defineEventType } from '../../../registry/event-type.definition';
import { Topics } from '../../../registry/topics';
import { PushReturnedV1Payload } from './push-returned-v1.payload';

/** `PushReturnedV1` names both the declaration (a value) and its payload (a type). */
export type PushReturnedV1 = PushReturnedV1Payload;
export const PushReturnedV1 = defineEventType({
  type: 'zone.supervision.push.returned.v1',
  version: 1,
  owner: 'supervision',
  topic: Topics.SupervisionPushV1,
  payload: PushReturnedV1Payload,
  key: 'uscc',
  summary:
    'A supervising department returned a push (退回) with its reason: it goes to the coordinator for re-assignment.',
  example: {
    uscc: '91130871MA0CXQ123U',
    approvalId: 'SP-2026-000123',
    pushId: 'push-3f2a',
    department: 'SCJG',
    actor: 'SCJG-0042',
    at: '2026-11-21T09:30:00+08:00',
    reason: '该事项不属本部门监管职责',
    suggestedDepartment: 'YJJ',
  },
});
