import { IsBoolean, IsIn, IsString, Length } from 'class-validator';
import { IsCalendarDate, IsRfc3339 } from '../../../validation/format.decorators';
import { LICENCE_DECISIONS, LicenceDecision, LicenceDecisionBase } from '../licence-decision.base';

/**
 * An approval decision whose matter has no responsible department on its decision date: never dropped, it waits
 * in the unassigned queue for the zone's coordinator, and the wait counts against its push limit.
 */
export class LicenceUnassignedV1Payload extends LicenceDecisionBase {
  @IsIn(LICENCE_DECISIONS)
  @IsString()
  decision!: LicenceDecision;

  @Length(1, 200)
  @IsString()
  matterName!: string;

  @IsCalendarDate()
  @IsString()
  pushDueDate!: string;

  @IsRfc3339()
  @IsString()
  pushDueAt!: string;

  @IsBoolean()
  pushDueProvisional!: boolean;
}
