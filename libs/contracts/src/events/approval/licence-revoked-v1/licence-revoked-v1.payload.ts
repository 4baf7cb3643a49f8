import { IsOptional, IsString, Length, Matches } from 'class-validator';
import { LINKAGE_ID, LicenceDecisionBase } from '../licence-decision.base';

/** 审批局 revoked a licence (撤销/吊销); when a supervising department asked for it, the request it answers. */
export class LicenceRevokedV1Payload extends LicenceDecisionBase {
  @Length(1, 1000)
  @IsString()
  reason!: string;

  /** The revocation request of the supervising department this decision answers (closes the loop). */
  @Matches(LINKAGE_ID)
  @IsString()
  @IsOptional()
  revocationRequestId?: string;
}
