import { IsString } from 'class-validator';
import { IsRfc3339 } from '../../../validation/format.decorators';
import { ApprovalActBase } from '../push-activity.base';

/**
 * A supervising department's system claims a push (认领) through the gateway, for its own department: the event's
 * `department`, which the gateway holds to the system's credentials. `uscc` is the key, so that the claim stays in
 * order with the push's other events.
 */
export class PushClaimRequestedV1Payload extends ApprovalActBase {
  /** When the department claimed it: the claim is recorded as of then. */
  @IsRfc3339()
  @IsString()
  at!: string;
}
