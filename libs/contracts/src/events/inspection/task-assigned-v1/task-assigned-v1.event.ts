import { defineEventType } from '../../../registry/event-type.definition';
import { Topics } from '../../../registry/topics';
import { TaskAssignedV1Payload } from './task-assigned-v1.payload';

/** `TaskAssignedV1` names both the declaration (a value) and its payload (a type). */
export type TaskAssignedV1 = TaskAssignedV1Payload;
export const TaskAssignedV1 = defineEventType({
  type: 'zone.inspection.task.assigned.v1',
  version: 1,
  owner: 'inspection',
  topic: Topics.InspectionTaskV1,
  payload: TaskAssignedV1Payload,
  key: 'uscc',
  recipient: 'department',
  summary:
    "A draw gave a department an inspection task: the enterprise, the items, the drawn team (name and certificate number). Delivered to that department's subscriptions alone, without an entitlement.",
  example: {
    taskId: 'DEMO-2026-01.1.1.SCJG',
    planId: 'DEMO-2026-01',
    drawId: 'DEMO-2026-01.1',
    uscc: '91130871MA0CXQ123U',
    department: 'SCJG',
    enterpriseName: '承德高新区示例食品有限公司',
    leadDepartment: 'SCJG',
    departments: ['SCJG', 'YJJ'],
    items: [{ code: 'SCJG-SP-001', name: '食品经营许可条件检查' }],
    staffed: true,
    inspectors: [
      { id: 'I-01', name: '王强', certificateNo: '13080020001' },
      { id: 'I-03', name: '李明', certificateNo: '13080020003' },
    ],
    inspectionDate: '2026-12-15',
  },
});
