import { Type } from 'class-transformer';
import {
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  ValidateNested,
} from 'class-validator';
import { IsDepartmentCode } from '../../departments/departments';
import { IsUscc } from '../../identifiers/uscc';
import { IsCalendarDate, IsRfc3339 } from '../../validation/format.decorators';
import { LINKAGE_ID } from '../approval/licence-decision.base';

export const TIME_LIMITS = ['push', 'claim', 'supervision'] as const;
export type TimeLimit = (typeof TIME_LIMITS)[number];
export const NOTIFIED_ROLES = ['handler', 'head', 'coordinator'] as const;
export type NotifiedRole = (typeof NOTIFIED_ROLES)[number];

export class NotifiedParty {
  @IsDepartmentCode()
  @IsString()
  department!: string;

  /** The desk handling the matter, the department's head (分管负责人), or the zone's coordinator. */
  @IsIn(NOTIFIED_ROLES)
  @IsString()
  role!: NotifiedRole;
}

/** Shared by the six notice types of the approval and supervision apps. A time limit's reminder, overdue notice or escalation: which matter, which limit, when it falls due, who is told. */
export class DeadlineNoticeV1Payload {
  @IsUscc({ allowBadChecksum: true })
  @IsString()
  uscc!: string;

  @Matches(LINKAGE_ID)
  @IsString()
  approvalId!: string;

  /** Absent for an approval still waiting in the unassigned queue. */
  @Matches(LINKAGE_ID)
  @IsString()
  @IsOptional()
  pushId?: string;

  /** The department that has the matter now; absent while unassigned. */
  @IsDepartmentCode()
  @IsString()
  @IsOptional()
  department?: string;

  /** push: 审批局 → supervising department (2 working days); claim: 认领 (2); supervision: verification per matter. */
  @IsIn(TIME_LIMITS)
  @IsString()
  limit!: TimeLimit;

  /** The last working day of the limit (Beijing time). */
  @IsCalendarDate()
  @IsString()
  dueDate!: string;

  /** 24:00 Beijing time of the due date. */
  @IsRfc3339()
  @IsString()
  dueAt!: string;

  /** Computed on weekends alone because the holiday notice of a year it runs into is not published yet. */
  @IsBoolean()
  provisional!: boolean;

  @ValidateNested({ each: true })
  @Type(() => NotifiedParty)
  @IsObject({ each: true, message: 'each item must be a JSON object' })
  @ArrayMinSize(1)
  @IsArray()
  notify!: NotifiedParty[];
}
