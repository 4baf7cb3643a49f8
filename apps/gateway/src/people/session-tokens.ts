import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** Random bytes of a session token: 256 bits, base64url (43 characters). */
export const SESSION_TOKEN_BYTES = 32;

/** A new session token; the gateway keeps only its SHA-256 (sessionKey). */
export function newSessionToken(): string {
  return randomBytes(SESSION_TOKEN_BYTES).toString('base64url');
}

/** What the sessions table holds of a token: a database leak gives no usable token. */
export function sessionKey(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}

/**
 * The session's CSRF token, derived rather than stored: HMAC-SHA256 of the session's key under a key of its own
 * derived from the gateway's secret (HUB_SECRET_KEY). Only the gateway can make it, it is the same for the whole
 * session (GET /v1/people/sessions/current can give it again), and it dies with the session.
 */
export class CsrfTokens {
  private readonly key: Buffer;

  constructor(secretKey: Buffer) {
    this.key = createHmac('sha256', secretKey).update('hub-people-csrf-v1').digest();
  }

  of(sessionKey: Buffer): string {
    return createHmac('sha256', this.key).update(sessionKey).digest('base64url');
  }

  /** In constant time: a wrong guess tells nothing of how close it came. */
  matches(sessionKey: Buffer, presented: string | string[] | undefined): boolean {
    if (typeof presented !== 'string') return false;
    const expected = Buffer.from(this.of(sessionKey));
    const given = Buffer.from(presented);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }
}
