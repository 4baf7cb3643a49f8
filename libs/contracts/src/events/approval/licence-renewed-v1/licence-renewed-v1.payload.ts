import { IsString } from 'class-validator';
import { IsCalendarDate } from '../../../validation/format.decorators';
import { LicenceDecisionBase } from '../licence-decision.base';

/** 审批局 renewed a licence (延续). */
export class LicenceRenewedV1Payload extends LicenceDecisionBase {
  @IsCalendarDate()
  @IsString()
  validUntil!: string;
}
