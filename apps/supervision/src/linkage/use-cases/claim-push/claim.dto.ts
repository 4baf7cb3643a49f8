import { IsIn, IsOptional, IsString } from 'class-validator';
import { CLAIM_CHANNELS, IsUscc, type ClaimChannel } from '@hub/contracts';
import { ActOnApproval } from '../../dto/act-on-approval.dto';

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
