import { IsString, Length } from 'class-validator';
import { LicenceDecisionBase } from '../licence-decision.base';

/** 审批局 changed a licence (变更), e.g. its address or scope. */
export class LicenceChangedV1Payload extends LicenceDecisionBase {
  /** What changed, as recorded. */
  @Length(1, 1000)
  @IsString()
  changes!: string;
}
