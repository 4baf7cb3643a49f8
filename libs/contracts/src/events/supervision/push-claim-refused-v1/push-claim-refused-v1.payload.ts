import { IsString, Length } from 'class-validator';
import { PushActivityBase } from '../push-activity.base';

/** A department's claim request the supervision app could not make, and why. */
export class PushClaimRefusedV1Payload extends PushActivityBase {
  @Length(1, 1000)
  @IsString()
  reason!: string;
}
