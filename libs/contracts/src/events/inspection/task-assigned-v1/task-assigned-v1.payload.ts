import { Type } from 'class-transformer';
import {
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsObject,
  IsOptional,
  IsString,
  Length,
  Matches,
  ValidateNested,
} from 'class-validator';
import { IsDepartmentCode } from '../../../departments/departments';
import { IsCalendarDate } from '../../../validation/format.decorators';
import { TaskEventBase } from '../task.base';

export class TaskItem {
  @Matches(/^[A-Za-z0-9-]{1,40}$/, { message: 'code must be 1-40 letters, digits or -' })
  @IsString()
  code!: string;

  @Length(1, 200)
  @IsString()
  name!: string;
}

/** An inspector as 行政执法公示 shows them: name and certificate number, never a phone or ID number. */
export class TaskInspector {
  @Matches(/^[A-Za-z0-9._:-]{1,64}$/, { message: 'id must be 1-64 letters, digits or ._:-' })
  @IsString()
  id!: string;

  @Length(1, 100)
  @IsString()
  name!: string;

  @Length(1, 64)
  @IsString()
  certificateNo!: string;
}

/**
 * A department's inspection task from a draw: the enterprise, the items to check, the team drawn (absent when it
 * could not be staffed), and for a joint inspection (联合抽查, 进一次门、查多项事) the departments going together.
 */
export class TaskAssignedV1Payload extends TaskEventBase {
  @Length(1, 200)
  @IsString()
  enterpriseName!: string;

  @IsDepartmentCode()
  @IsString()
  leadDepartment!: string;

  @IsDepartmentCode({ each: true })
  @IsString({ each: true })
  @ArrayUnique()
  @ArrayMinSize(1)
  @IsArray()
  departments!: string[];

  @ValidateNested({ each: true })
  @Type(() => TaskItem)
  @IsObject({ each: true, message: 'each item must be a JSON object' })
  @IsArray()
  items!: TaskItem[];

  /** False when too few eligible inspectors were left: the team is empty until a redraw. */
  @IsBoolean()
  staffed!: boolean;

  @ValidateNested({ each: true })
  @Type(() => TaskInspector)
  @IsObject({ each: true, message: 'each inspector must be a JSON object' })
  @IsArray()
  @IsOptional()
  inspectors?: TaskInspector[];

  @IsCalendarDate()
  @IsString()
  inspectionDate!: string;
}
