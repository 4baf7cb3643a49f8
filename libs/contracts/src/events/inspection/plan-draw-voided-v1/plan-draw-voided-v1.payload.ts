import { IsString, Length, Matches } from 'class-validator';
import { PersonalData } from '../../../privacy/personal-data';
import { IsRfc3339 } from '../../../validation/format.decorators';
import { INSPECTION_ID, PlanEventBase } from '../inspection.base';

/** A draw was voided, with why and by whom; its tasks are cancelled and the plan is locked again for a new draw. */
export class PlanDrawVoidedV1Payload extends PlanEventBase {
  @Matches(INSPECTION_ID)
  @IsString()
  drawId!: string;

  @Length(1, 1000)
  @IsString()
  reason!: string;

  /** The person who voided it, as the hub knows them (their account). */
  @PersonalData('identifier')
  @Length(1, 100)
  @IsString()
  actor!: string;

  @IsRfc3339()
  @IsString()
  voidedAt!: string;
}
