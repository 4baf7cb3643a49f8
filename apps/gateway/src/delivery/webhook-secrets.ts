import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { SecretBox } from '@hub/auth';
import { GatewayEnv } from '../gateway.env';

/**
 * A webhook subscription's signing secret: made by the hub, shown to the department once, kept sealed with the
 * gateway's key (HUB_SECRET_KEY, as the credentials are), bound to its subscription id.
 */
@Injectable()
export class WebhookSecrets {
  private readonly box: SecretBox;

  constructor(env: GatewayEnv) {
    this.box = new SecretBox(env.secretKey);
  }

  /** 32 random bytes: `whsec_` and 43 base64url characters. */
  generate(): string {
    return `whsec_${randomBytes(32).toString('base64url')}`;
  }

  seal(secret: string, subscriptionId: string): Buffer {
    return this.box.seal(secret, context(subscriptionId));
  }

  open(sealed: Buffer, subscriptionId: string): string {
    return this.box.open(sealed, context(subscriptionId));
  }
}

function context(subscriptionId: string): string {
  return `webhook-secret:${subscriptionId}`;
}
