import { IsString, Length, Matches } from 'class-validator';
import { LINKAGE_ID } from '../../approval/licence-decision.base';
import { PushActivityBase } from '../push-activity.base';

/** A supervising department found a commitment false (or the licence unlawful) and asks the 审批局 to revoke the licence: the loop closes when the 审批局 revokes it. */
export class PushRevocationRequestedV1Payload extends PushActivityBase {
  @Matches(LINKAGE_ID)
  @IsString()
  requestId!: string;

  /** The supervision action whose result calls for the revocation. */
  @Matches(LINKAGE_ID)
  @IsString()
  actionId!: string;

  @Length(1, 100)
  @IsString()
  licenceNo!: string;

  @Length(1, 2000)
  @IsString()
  reason!: string;
}
