import { createHmac } from 'node:crypto';
import { SIGNATURE_WINDOW_SECONDS, hexDigestsEqual, unixSeconds } from './hmac-signing';

/** The headers of a webhook delivery (spec/HTTP-SIGNING.md, "Webhooks"). */
export const WebhookHeaders = {
  deliveryId: 'Hub-Delivery-Id',
  timestamp: 'Hub-Timestamp',
  signature: 'Hub-Signature',
} as const;

export const WEBHOOK_SIGNATURE_VERSION = 'v1';

/** Lowercase hex HMAC-SHA256 of `timestamp + "." + raw body`, keyed by the secret's UTF-8 bytes. */
export function webhookDigest(secret: string, timestamp: number | string, body: Uint8Array | string): string {
  return createHmac('sha256', Buffer.from(secret, 'utf8'))
    .update(`${String(timestamp)}.`, 'utf8')
    .update(body)
    .digest('hex');
}

/** The `Hub-Signature` value: `v1=<hex>`. */
export function signWebhook(secret: string, timestamp: number | string, body: Uint8Array | string): string {
  return `${WEBHOOK_SIGNATURE_VERSION}=${webhookDigest(secret, timestamp, body)}`;
}

/** The three headers to send with one delivery. */
export function webhookRequestHeaders(input: {
  readonly secret: string;
  readonly deliveryId: string;
  readonly body: Uint8Array | string;
  readonly timestamp?: number;
}): Record<string, string> {
  const timestamp = input.timestamp ?? unixSeconds();
  return {
    [WebhookHeaders.deliveryId]: input.deliveryId,
    [WebhookHeaders.timestamp]: String(timestamp),
    [WebhookHeaders.signature]: signWebhook(input.secret, timestamp, input.body),
  };
}

export type WebhookVerification =
  | { readonly ok: true; readonly timestamp: number }
  | { readonly ok: false; readonly reason: 'malformed' | 'stale' | 'bad-signature'; readonly detail: string };

/**
 * What a receiver does with a delivery: the timestamp is whole seconds within `toleranceSeconds` (default 300)
 * of now, and one of the `v1=` signatures in the header (comma-separated; a rotating sender may send two)
 * matches one of the secrets. Receivers should also de-duplicate by `Hub-Delivery-Id`.
 */
export function verifyWebhook(input: {
  readonly secrets: readonly string[];
  readonly timestamp: string | undefined;
  readonly signature: string | undefined;
  readonly body: Uint8Array | string;
  readonly now?: number;
  readonly toleranceSeconds?: number;
}): WebhookVerification {
  const { timestamp, signature } = input;
  if (timestamp === undefined || !/^(0|[1-9][0-9]{0,11})$/.test(timestamp)) {
    return {
      ok: false,
      reason: 'malformed',
      detail: `${WebhookHeaders.timestamp} must be whole seconds since the epoch`,
    };
  }
  const offered = (signature ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part.startsWith(`${WEBHOOK_SIGNATURE_VERSION}=`))
    .map((part) => part.slice(WEBHOOK_SIGNATURE_VERSION.length + 1));
  if (offered.length === 0) {
    return {
      ok: false,
      reason: 'malformed',
      detail: `${WebhookHeaders.signature} must hold ${WEBHOOK_SIGNATURE_VERSION}=<hex>`,
    };
  }
  const seconds = Number(timestamp);
  const now = input.now ?? unixSeconds();
  if (Math.abs(now - seconds) > (input.toleranceSeconds ?? SIGNATURE_WINDOW_SECONDS)) {
    return { ok: false, reason: 'stale', detail: `${WebhookHeaders.timestamp} is too far from now` };
  }
  let matched = false;
  for (const secret of input.secrets) {
    const expected = webhookDigest(secret, timestamp, input.body);
    for (const candidate of offered) if (hexDigestsEqual(expected, candidate)) matched = true;
  }
  return matched
    ? { ok: true, timestamp: seconds }
    : { ok: false, reason: 'bad-signature', detail: 'no signature matches' };
}
