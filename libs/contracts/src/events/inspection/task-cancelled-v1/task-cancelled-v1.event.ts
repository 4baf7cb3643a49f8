import { defineEventType } from '../../../registry/event-type.definition';
import { Topics } from '../../../registry/topics';
import { TaskCancelledV1Payload } from './task-cancelled-v1.payload';

/** `TaskCancelledV1` names both the declaration (a value) and its payload (a type). */
export type TaskCancelledV1 = TaskCancelledV1Payload;
export const TaskCancelledV1 = defineEventType({
  type: 'zone.inspection.task.cancelled.v1',
  version: 1,
  owner: 'inspection',
  topic: Topics.InspectionTaskV1,
  payload: TaskCancelledV1Payload,
  key: 'uscc',
  recipient: 'department',
  summary:
    "A department's inspection task was cancelled because its draw was voided (the reason says why); for that department alone.",
  example: {
    taskId: 'DEMO-2026-01.1.1.SCJG',
    planId: 'DEMO-2026-01',
    drawId: 'DEMO-2026-01.1',
    uscc: '91130871MA0CXQ123U',
    department: 'SCJG',
    reason: '抽中的检查人员与企业存在利害关系，需回避',
  },
});
