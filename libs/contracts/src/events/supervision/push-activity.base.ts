import { IsOptional, IsString, Length, Matches } from 'class-validator';
import { IsDepartmentCode } from '../../departments/departments';
import { IsUscc } from '../../identifiers/uscc';
import { PersonalData } from '../../privacy/personal-data';
import { IsRfc3339 } from '../../validation/format.decorators';
import { LINKAGE_ID } from '../approval/licence-decision.base';

/** Who acts on which enterprise's approval. */
export class ApprovalActBase {
  @IsUscc({ allowBadChecksum: true })
  @IsString()
  uscc!: string;

  @Matches(LINKAGE_ID)
  @IsString()
  approvalId!: string;

  /** The person or system that acted, as the department identifies it (e.g. 执法证号 or system id). */
  @PersonalData('identifier')
  @Length(1, 100)
  @IsString()
  actor!: string;
}

/** What a supervising department did with a push: which approval, which department, who, when. */
export class PushActivityBase extends ApprovalActBase {
  /** Absent only on a claim made before the push reached the supervision app (双推送: the 审批局 told it first). */
  @Matches(LINKAGE_ID)
  @IsString()
  @IsOptional()
  pushId?: string;

  @IsDepartmentCode()
  @IsString()
  department!: string;

  @IsRfc3339()
  @IsString()
  at!: string;
}
