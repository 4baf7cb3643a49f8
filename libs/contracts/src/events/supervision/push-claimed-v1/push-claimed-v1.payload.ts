import { IsIn, IsString } from 'class-validator';
import { PushActivityBase } from '../push-activity.base';

export const CLAIM_CHANNELS = ['system', 'desk'] as const;
export type ClaimChannel = (typeof CLAIM_CHANNELS)[number];

/** A supervising department claimed a push (认领): from now on it supervises the approval. */
export class PushClaimedV1Payload extends PushActivityBase {
  /** system: the department's own system claimed it; desk: a supervisor did, on the hub's API. */
  @IsIn(CLAIM_CHANNELS)
  @IsString()
  channel!: ClaimChannel;
}
