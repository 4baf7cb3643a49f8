import { IsString, Length } from 'class-validator';
import { LicenceDecisionBase } from '../licence-decision.base';

/** 审批局 cancelled a licence (注销), e.g. at the holder's request or on expiry. */
export class LicenceCancelledV1Payload extends LicenceDecisionBase {
  @Length(1, 1000)
  @IsString()
  reason!: string;
}
