import { ProblemException } from '@hub/platform';
import { HUB_HMAC_SCHEME } from '@hub/auth';

/** The problem types of spec/HTTP-SIGNING.md's table, and the gateway's refusals beside them. */
export const AuthProblems = {
  missingSignature: 'missing-signature',
  malformedSignature: 'malformed-signature',
  unknownCredential: 'unknown-credential',
  staleTimestamp: 'stale-timestamp',
  replayedNonce: 'replayed-nonce',
  badSignature: 'bad-signature',
  forbidden: 'forbidden',
} as const;

export type AuthProblem = (typeof AuthProblems)[keyof typeof AuthProblems];

/** A 401 carrying the scheme to use (RFC 9110 §11.6.1 wants WWW-Authenticate on every 401). */
export function unauthorized(problem: AuthProblem, detail: string): ProblemException {
  return new ProblemException(401, problem, detail, undefined, { 'WWW-Authenticate': HUB_HMAC_SCHEME });
}

/** The database cannot take the request now: nothing was accepted, the client should retry. */
export function serviceUnavailable(detail: string, retryAfterSeconds = 1): ProblemException {
  return new ProblemException(503, 'unavailable', detail, undefined, { 'Retry-After': String(retryAfterSeconds) });
}
