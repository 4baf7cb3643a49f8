import { Type } from 'class-transformer';
import {
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsDepartmentCode } from '../../../departments/departments';
import { IsCalendarDate, IsRfc3339 } from '../../../validation/format.decorators';
import { Commitment } from '../licence-granted-v1/licence-granted-v1.payload';
import { LICENCE_DECISIONS, LINKAGE_ID, LicenceDecision, LicenceDecisionBase } from '../licence-decision.base';

export const REFORM_MODES = ['ordinary', 'commitment', 'filing'] as const;
export type ReformMode = (typeof REFORM_MODES)[number];

/**
 * The approval app pushed an approval decision to a supervising department (推送): one event per responsible
 * department, or per coordinator (re-)assignment. It carries what the department needs to claim and supervise.
 */
export class LicencePushedV1Payload extends LicenceDecisionBase {
  @Matches(LINKAGE_ID)
  @IsString()
  pushId!: string;

  @IsIn(LICENCE_DECISIONS)
  @IsString()
  decision!: LicenceDecision;

  @Length(1, 200)
  @IsString()
  matterName!: string;

  /** ordinary; commitment (告知承诺); filing (备案, 证照分离). */
  @IsIn(REFORM_MODES)
  @IsString()
  reformMode!: ReformMode;

  /** The supervising department it is pushed to. */
  @IsDepartmentCode()
  @IsString()
  department!: string;

  @IsRfc3339()
  @IsString()
  pushedAt!: string;

  /** 认领时限: the last working day to claim, and its end. */
  @IsCalendarDate()
  @IsString()
  claimDueDate!: string;

  @IsRfc3339()
  @IsString()
  claimDueAt!: string;

  /** True when the limit runs into a year whose holiday notice is not published yet. */
  @IsBoolean()
  claimDueProvisional!: boolean;

  /** Working days from the claim to supervise (e.g. verify the commitments). */
  @Max(365)
  @Min(1)
  @IsInt()
  supervisionWorkdays!: number;

  @ValidateNested({ each: true })
  @Type(() => Commitment)
  @IsObject({ each: true, message: 'each item must be a JSON object' })
  @ArrayMinSize(1)
  @IsArray()
  @IsOptional()
  commitments?: Commitment[];

  /** Set when the coordinator (re-)assigned it: the coordinator department. */
  @IsDepartmentCode()
  @IsString()
  @IsOptional()
  assignedBy?: string;

  /** The returned push this one replaces. */
  @Matches(LINKAGE_ID)
  @IsString()
  @IsOptional()
  replacesPushId?: string;

  @Length(1, 500)
  @IsString()
  @IsOptional()
  note?: string;
}
