import { createHash, timingSafeEqual } from 'node:crypto';
import { ProblemException } from '@hub/platform';
import { LAYOUT } from './layout.strings';

/** The form field every form of the console carries: the session's CSRF token (or, on the login form, the login's). */
export const CSRF_FIELD = 'csrf';

/**
 * The token a form sent is the one expected (compared in constant time, over digests of equal length); else 403,
 * naming the field. Nothing a form asks for is forwarded before this check.
 */
export function checkCsrf(expected: string | undefined, sent: unknown): void {
  if (typeof expected !== 'string' || expected === '' || typeof sent !== 'string' || sent === '') {
    throw csrfRefused();
  }
  const digest = (value: string): Buffer => createHash('sha256').update(value).digest();
  if (!timingSafeEqual(digest(expected), digest(sent))) throw csrfRefused();
}

function csrfRefused(): ProblemException {
  return new ProblemException(403, 'csrf', LAYOUT.errors.csrf, [
    { field: CSRF_FIELD, rule: 'matchesSession', message: LAYOUT.errors.csrf },
  ]);
}
