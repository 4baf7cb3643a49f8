import { IsString, Matches } from 'class-validator';
import { IsDepartmentCode } from '../../departments/departments';
import { INSPECTION_ID, TargetEventBase } from './inspection.base';

/** One department's part of one drawn target: the task is that department's, the event is for it alone. */
export class TaskEventBase extends TargetEventBase {
  @Matches(INSPECTION_ID, { message: 'taskId must be 1-64 letters, digits or ._:- starting with a letter or digit' })
  @IsString()
  taskId!: string;

  @Matches(INSPECTION_ID)
  @IsString()
  planId!: string;

  @Matches(INSPECTION_ID)
  @IsString()
  drawId!: string;

  @IsDepartmentCode()
  @IsString()
  department!: string;
}
