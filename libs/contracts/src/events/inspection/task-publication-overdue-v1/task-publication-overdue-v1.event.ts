import { defineEventType } from '../../../registry/event-type.definition';
import { Topics } from '../../../registry/topics';
import { TaskPublicationOverdueV1Payload } from './task-publication-overdue-v1.payload';

/** `TaskPublicationOverdueV1` names both the declaration (a value) and its payload (a type). */
export type TaskPublicationOverdueV1 = TaskPublicationOverdueV1Payload;
export const TaskPublicationOverdueV1 = defineEventType({
  type: 'zone.inspection.task.publication-overdue.v1',
  version: 1,
  owner: 'inspection',
  topic: Topics.InspectionTaskV1,
  payload: TaskPublicationOverdueV1Payload,
  key: 'uscc',
  recipient: 'department',
  summary:
    'An inspection result was not published within 20 working days of the result (企业信息公示暂行条例 Art. 6); for the inspecting department alone.',
  example: {
    taskId: 'DEMO-2026-01.1.1.SCJG',
    planId: 'DEMO-2026-01',
    drawId: 'DEMO-2026-01.1',
    uscc: '91130871MA0CXQ123U',
    department: 'SCJG',
    category: 'rectification-ordered',
    resultOn: '2026-12-15',
    publicationDueOn: '2027-01-13',
  },
});
