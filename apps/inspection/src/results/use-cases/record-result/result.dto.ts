import { OmitType } from '@nestjs/swagger';
import { ResultReportedV1Payload } from '@hub/contracts';

/**
 * A task's result as a supervisor enters it: the facts a department's system reports by event (same rules, from the
 * contract), less the task's identity, which the route gives.
 */
export class ResultDto extends OmitType(ResultReportedV1Payload, [
  'taskId',
  'planId',
  'drawId',
  'uscc',
  'department',
] as const) {}
