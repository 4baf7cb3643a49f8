import { defineEventType } from '../../../registry/event-type.definition';
import { Topics } from '../../../registry/topics';
import { PushFedBackV1Payload } from './push-fed-back-v1.payload';

/** `PushFedBackV1` names both the declaration (a value) and its payload (a type). */
export type PushFedBackV1 = PushFedBackV1Payload;
export const PushFedBackV1 = defineEventType({
  type: 'zone.supervision.push.fed-back.v1',
  version: 1,
  owner: 'supervision',
  topic: Topics.SupervisionPushV1,
  payload: PushFedBackV1Payload,
  key: 'uscc',
  summary:
    "A supervision result fed back to the 审批局 (反馈), saying whether it affects the approval or the enterprise's credit.",
  example: {
    uscc: '91130871MA0CXQ123U',
    approvalId: 'SP-2026-000123',
    pushId: 'push-3f2a',
    department: 'SCJG',
    actor: 'SCJG-0042',
    at: '2026-11-21T09:30:00+08:00',
    actionId: 'act-77',
    result: 'rectification-ordered',
    affects: ['credit'],
    summary: '责令限期整改',
  },
});
