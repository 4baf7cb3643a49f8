import { defineEventType } from '../../../registry/event-type.definition';
import { Topics } from '../../../registry/topics';
import { DeadlineNoticeV1Payload } from '../../supervision/deadline-notice-v1.payload';

/** `LicencePushOverdueV1` names both the declaration (a value) and its payload (a type). */
export type LicencePushOverdueV1 = DeadlineNoticeV1Payload;
export const LicencePushOverdueV1 = defineEventType({
  type: 'zone.approval.licence.push-overdue.v1',
  version: 1,
  owner: 'approval',
  topic: Topics.ApprovalLicenceV1,
  payload: DeadlineNoticeV1Payload,
  key: 'uscc',
  summary:
    "An approval was not pushed within its limit (no responsible department): overdue, the coordinator and the 审批局's head are told.",
  example: {
    uscc: '91130871MA0CXQ123U',
    approvalId: 'SP-2026-000123',
    limit: 'push',
    dueDate: '2026-11-24',
    dueAt: '2026-11-24T16:00:00.000Z',
    provisional: false,
    notify: [
      { department: 'ZFW', role: 'coordinator' },
      { department: 'SPJ', role: 'head' },
    ],
  },
});
