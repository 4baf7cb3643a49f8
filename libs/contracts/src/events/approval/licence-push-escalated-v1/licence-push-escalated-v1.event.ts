import { defineEventType } from '../../../registry/event-type.definition';
import { Topics } from '../../../registry/topics';
import { DeadlineNoticeV1Payload } from '../../supervision/deadline-notice-v1.payload';

/** `LicencePushEscalatedV1` names both the declaration (a value) and its payload (a type). */
export type LicencePushEscalatedV1 = DeadlineNoticeV1Payload;
export const LicencePushEscalatedV1 = defineEventType({
  type: 'zone.approval.licence.push-escalated.v1',
  version: 1,
  owner: 'approval',
  topic: Topics.ApprovalLicenceV1,
  payload: DeadlineNoticeV1Payload,
  key: 'uscc',
  summary:
    "An approval is still unpushed a working day after its limit: escalated to the zone's coordinators (政法委, 党政办).",
  example: {
    uscc: '91130871MA0CXQ123U',
    approvalId: 'SP-2026-000123',
    limit: 'push',
    dueDate: '2026-11-24',
    dueAt: '2026-11-24T16:00:00.000Z',
    provisional: false,
    notify: [
      { department: 'ZFW', role: 'coordinator' },
      { department: 'DZB', role: 'coordinator' },
    ],
  },
});
