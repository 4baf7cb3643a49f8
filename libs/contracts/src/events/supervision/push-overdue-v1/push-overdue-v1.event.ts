import { defineEventType } from '../../../registry/event-type.definition';
import { Topics } from '../../../registry/topics';
import { DeadlineNoticeV1Payload } from '../deadline-notice-v1.payload';

/** `PushOverdueV1` names both the declaration (a value) and its payload (a type). */
export type PushOverdueV1 = DeadlineNoticeV1Payload;
export const PushOverdueV1 = defineEventType({
  type: 'zone.supervision.push.overdue.v1',
  version: 1,
  owner: 'supervision',
  topic: Topics.SupervisionPushV1,
  payload: DeadlineNoticeV1Payload,
  key: 'uscc',
  summary: "A push was not claimed or supervised within its limit: overdue, the department's head is told.",
  example: {
    uscc: '91130871MA0CXQ123U',
    approvalId: 'SP-2026-000123',
    pushId: 'push-3f2a',
    department: 'SCJG',
    limit: 'claim',
    dueDate: '2026-11-24',
    dueAt: '2026-11-24T16:00:00.000Z',
    provisional: false,
    notify: [{ department: 'SCJG', role: 'head' }],
  },
});
