import { ProblemException } from '@hub/platform';

/** The header a person's calls carry their session token in, and the one their non-GET calls carry the CSRF token in. */
export const SESSION_HEADER = 'hub-session';
export const CSRF_HEADER = 'hub-csrf';
/** The person's address as the console saw it, for the audit (the gateway sees the console's). */
export const CLIENT_ADDRESS_HEADER = 'hub-client-address';

/** One answer for an unknown username and a wrong password: which usernames exist stays private. */
export function invalidLogin(): ProblemException {
  return new ProblemException(401, 'invalid-login', 'the username or the password is wrong', undefined, {
    'WWW-Authenticate': 'Hub-Session',
  });
}

export function accountLocked(retryAfterSeconds: number): ProblemException {
  return new ProblemException(
    423,
    'account-locked',
    `too many failed logins: the account is locked; try again in ${retryAfterSeconds} s`,
    undefined,
    { 'Retry-After': String(retryAfterSeconds) },
  );
}

export function accountDisabled(): ProblemException {
  return new ProblemException(403, 'account-disabled', 'the account is disabled: ask an admin of 信息化中心');
}

export function invalidSession(): ProblemException {
  return new ProblemException(
    401,
    'invalid-session',
    'the session has ended, timed out or never was: sign in again',
    [{ field: SESSION_HEADER, rule: 'liveSession', message: 'send the token of a live session' }],
    { 'WWW-Authenticate': 'Hub-Session' },
  );
}

export function csrfRefused(): ProblemException {
  return new ProblemException(403, 'csrf', `a person's ${'non-GET'} call needs the session's CSRF token`, [
    { field: CSRF_HEADER, rule: 'matchesSession', message: `send the session's csrf token in ${CSRF_HEADER}` },
  ]);
}
