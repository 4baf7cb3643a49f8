import { defineEventType } from '../../../registry/event-type.definition';
import { Topics } from '../../../registry/topics';
import { PushSupervisedV1Payload } from './push-supervised-v1.payload';

/** `PushSupervisedV1` names both the declaration (a value) and its payload (a type). */
export type PushSupervisedV1 = PushSupervisedV1Payload;
export const PushSupervisedV1 = defineEventType({
  type: 'zone.supervision.push.supervised.v1',
  version: 1,
  owner: 'supervision',
  topic: Topics.SupervisionPushV1,
  payload: PushSupervisedV1Payload,
  key: 'uscc',
  summary:
    'A supervision action was carried out on a claimed push (on-site check, document review, 告知承诺 verification), with its result.',
  example: {
    uscc: '91130871MA0CXQ123U',
    approvalId: 'SP-2026-000123',
    pushId: 'push-3f2a',
    department: 'SCJG',
    actor: 'SCJG-0042',
    at: '2026-11-21T09:30:00+08:00',
    actionId: 'act-77',
    action: 'commitment-verification',
    result: 'compliant',
    findings: '现场核查承诺事项属实',
  },
});
