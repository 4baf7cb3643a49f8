import { IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import {
  CLAIM_CHANNELS,
  IsDepartmentCode,
  IsRfc3339,
  IsUscc,
  LINKAGE_ID,
  SUPERVISION_ACTIONS,
  SUPERVISION_RESULTS,
  type ClaimChannel,
  type SupervisionAction,
  type SupervisionResult,
} from '@hub/contracts';

class ActOnApproval {
  @Matches(LINKAGE_ID, { message: 'approvalId must be 1-64 letters, digits or ._:-' })
  @IsString()
  approvalId!: string;

  /** The person (e.g. 执法证号) or system acting for the department. */
  @Length(1, 100)
  @IsString()
  actor!: string;
}

export class ClaimDto extends ActOnApproval {
  /** Needed only to claim ahead of the push (the 审批局 told the department first). */
  @IsUscc({ allowBadChecksum: true })
  @IsString()
  @IsOptional()
  uscc?: string;

  @IsIn(CLAIM_CHANNELS)
  @IsString()
  @IsOptional()
  channel?: ClaimChannel;
}

export class ReturnDto extends ActOnApproval {
  @Length(1, 1000)
  @IsString()
  reason!: string;

  @IsDepartmentCode()
  @IsString()
  @IsOptional()
  suggestedDepartment?: string;
}

export class SuperviseDto extends ActOnApproval {
  @IsIn(SUPERVISION_ACTIONS)
  @IsString()
  action!: SupervisionAction;

  @IsIn(SUPERVISION_RESULTS)
  @IsString()
  result!: SupervisionResult;

  @Length(1, 2000)
  @IsString()
  findings!: string;

  /** When it was done, if not now. */
  @IsRfc3339()
  @IsString()
  @IsOptional()
  at?: string;
}

export class LedgerQuery {
  @IsRfc3339()
  @IsString()
  @IsOptional()
  asOf?: string;
}

export class StatsQuery {
  @IsDepartmentCode()
  @IsString()
  @IsOptional()
  department?: string;
}
