import { defineEventType } from '../../../registry/event-type.definition';
import { EACH_DEPARTMENT } from '../../../registry/owners';
import { Topics } from '../../../registry/topics';
import { ResultReportedV1Payload } from './result-reported-v1.payload';

/** `ResultReportedV1` names both the declaration (a value) and its payload (a type). */
export type ResultReportedV1 = ResultReportedV1Payload;
export const ResultReportedV1 = defineEventType({
  type: 'zone.inspection.result.reported.v1',
  version: 1,
  // Each department reports the results of its own tasks only: the inspection app refuses another's task.
  owner: EACH_DEPARTMENT,
  topic: Topics.InspectionResultV1,
  payload: ResultReportedV1Payload,
  key: 'uscc',
  summary:
    "A department's system reported the result of one of its inspection tasks (national result category, findings, problems, rectification and follow-up).",
  example: {
    taskId: 'DEMO-2026-01.1.1.SCJG',
    planId: 'DEMO-2026-01',
    drawId: 'DEMO-2026-01.1',
    uscc: '91130871MA0CXQ123U',
    department: 'SCJG',
    category: 'rectification-ordered',
    findings: '现场检查食品贮存条件，发现部分原料未按规定标注',
    problems: ['原料标签不全'],
    rectification: '责令 7 日内改正',
    resultOn: '2026-12-15',
    publish: true,
  },
});
