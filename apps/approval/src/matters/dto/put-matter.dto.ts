import { Type } from 'class-transformer';
import {
  ArrayNotContains,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Max,
  Min,
} from 'class-validator';
import { IsCalendarDate, IsDepartmentCode, REFORM_MODES, type ReformMode } from '@hub/contracts';
import { APPROVAL_BUREAU } from '../../linkage/linkage.types';

/** A new version of a matter and its responsibility list. */
export class PutMatterDto {
  @Length(1, 200)
  @IsString()
  name!: string;

  @IsIn(REFORM_MODES)
  @IsString()
  reformMode!: ReformMode;

  @Length(1, 50)
  @IsString()
  @IsOptional()
  category?: string;

  /** The day from which this version applies to decisions. */
  @IsCalendarDate()
  @IsString()
  effectiveFrom!: string;

  @Max(60)
  @Min(1)
  @IsInt()
  @Type(() => Number)
  pushWorkdays = 2;

  @Max(60)
  @Min(1)
  @IsInt()
  @Type(() => Number)
  claimWorkdays = 2;

  @Max(365)
  @Min(1)
  @IsInt()
  @Type(() => Number)
  supervisionWorkdays = 20;

  /** 审管分离: the 审批局 decides the approvals and supervises none of them. */
  @ArrayNotContains([APPROVAL_BUREAU], {
    message: `departments must not include ${APPROVAL_BUREAU}: it decides approvals and supervises none (审管分离)`,
  })
  @IsDepartmentCode({ each: true })
  @ArrayUnique()
  @IsArray()
  departments!: string[];
}
