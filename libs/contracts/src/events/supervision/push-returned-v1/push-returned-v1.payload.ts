import { IsOptional, IsString, Length } from 'class-validator';
import { IsDepartmentCode } from '../../../departments/departments';
import { PushActivityBase } from '../push-activity.base';

/** A supervising department returned a push (退回) with its reason: it goes to the coordinator for re-assignment. */
export class PushReturnedV1Payload extends PushActivityBase {
  @Length(1, 1000)
  @IsString()
  reason!: string;

  /** The department the returning one believes responsible, if any. */
  @IsDepartmentCode()
  @IsString()
  @IsOptional()
  suggestedDepartment?: string;
}
