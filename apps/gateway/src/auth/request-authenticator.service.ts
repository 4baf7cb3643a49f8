import { Injectable } from '@nestjs/common';
import {
  HubAuthorization,
  SIGNATURE_WINDOW_SECONDS,
  isFresh,
  parseAuthorization,
  unixSeconds,
  verifyRequestSignature,
} from '@hub/auth';
import { ActiveCredential, CredentialsService } from '../credentials/credentials.service';
import { AuthProblems, serviceUnavailable, unauthorized } from './auth-problems';
import { Caller, NonceClaim } from './caller.decorator';
import { isDatabaseUnavailable } from './database-unavailable';
import { NonceRepository } from './nonce.repository';
import { RefusalsService } from './refusals.service';

/** What the signature covers, as the request arrived. */
export interface SignedRequest {
  readonly method: string;
  /** The request target exactly as sent: path, then `?` and the query if any. */
  readonly target: string;
  readonly authorization: string | string[] | undefined;
  readonly body: Buffer;
}

/** A request's Authorization header read, fresh, and naming an active credential; its signature not yet checked. */
export interface Claimed {
  readonly authorization: HubAuthorization;
  readonly credential: ActiveCredential;
}

/** A nonce is remembered a little past the window, so that replicas whose clocks differ slightly still agree. */
const NONCE_MARGIN_SECONDS = 60;

/**
 * Checks a request per spec/HTTP-SIGNING.md and returns its caller. The checks run in an order that reveals nothing
 * and spends nothing for a forger: the header's form, the time (no credential needed), the credential, the
 * signature (constant time), and only then the nonce is recorded, so that a forged request cannot use up a
 * nonce a real one will send. An unknown or inactive credential is answered exactly like a bad signature.
 */
@Injectable()
export class RequestAuthenticator {
  constructor(
    private readonly credentials: CredentialsService,
    private readonly nonces: NonceRepository,
    private readonly refusals: RefusalsService,
  ) {}

  /**
   * `nonceWithWork`: the route records the nonce itself, in the statement of its own work (intake does, with the
   * receipts), and the caller carries it; the route must then record it on every path (see `recordNonce`).
   */
  async authenticate(
    request: SignedRequest,
    now: number = unixSeconds(),
    options: { nonceWithWork?: boolean } = {},
  ): Promise<Caller> {
    const claimed = await this.identify(request.authorization, now);
    return this.verify(claimed, request, options);
  }

  /**
   * What can be checked before the body is read: the header's form, the time and the credential. A request that
   * fails here is refused without its body (spec/HTTP-SIGNING.md: the signature covers the body's hash).
   */
  async identify(authorization: string | string[] | undefined, now: number = unixSeconds()): Promise<Claimed> {
    const parsed = parseAuthorization(authorization);
    if (!parsed.ok) throw this.refuse(parsed.problem, parsed.detail);
    const { accessKeyId, timestamp } = parsed.authorization;
    if (!isFresh(timestamp, now)) {
      throw this.refuse(
        AuthProblems.staleTimestamp,
        `Timestamp ${timestamp} is more than ${SIGNATURE_WINDOW_SECONDS} s from the hub's clock (${now}); check the system's clock`,
        { accessKeyId },
      );
    }
    const credential = await this.unlessUnavailable(() => this.credentials.findActive(accessKeyId));
    if (!credential) {
      // Logged and counted as what it is, answered as a bad signature: which key ids exist stays private.
      this.refusals.refused({
        channel: 'http',
        department: undefined,
        problem: AuthProblems.unknownCredential,
        status: 401,
        accessKeyId,
      });
      throw unauthorized(AuthProblems.badSignature, BAD_SIGNATURE_DETAIL);
    }
    return { authorization: parsed.authorization, credential };
  }

  /** The signature over the whole request (constant time), then the nonce: the caller. */
  async verify(
    claimed: Claimed,
    request: Omit<SignedRequest, 'authorization'>,
    { nonceWithWork = false }: { nonceWithWork?: boolean } = {},
  ): Promise<Caller> {
    const { credential } = claimed;
    const { accessKeyId, timestamp, nonce, signature } = claimed.authorization;
    const query = request.target.indexOf('?');
    const signed = {
      method: request.method,
      path: query < 0 ? request.target : request.target.slice(0, query),
      query: query < 0 ? '' : request.target.slice(query + 1),
      timestamp,
      nonce,
      body: request.body,
    };
    if (!verifyRequestSignature([credential.secret], signed, signature)) {
      throw this.refuse(AuthProblems.badSignature, BAD_SIGNATURE_DETAIL, {
        accessKeyId,
        department: credential.department,
      });
    }
    const caller: Caller = {
      department: credential.department,
      systemId: credential.systemId,
      systemName: credential.systemName,
      accessKeyId,
      admin: credential.admin,
    };
    const claim: NonceClaim = {
      accessKeyId,
      nonce,
      expiresAtSeconds: timestamp + SIGNATURE_WINDOW_SECONDS + NONCE_MARGIN_SECONDS,
    };
    if (nonceWithWork) return { ...caller, nonce: claim };
    await this.recordNonce(claim, caller.department);
    return caller;
  }

  /**
   * Records a nonce on its own; 401 when its credential used it already or is no longer active, 503 when the
   * database cannot tell.
   */
  async recordNonce(claim: NonceClaim, department: string): Promise<void> {
    const outcome = await this.unlessUnavailable(() =>
      this.nonces.remember(claim.accessKeyId, claim.nonce, claim.expiresAtSeconds),
    );
    if (outcome === 'replayed') throw this.replayed(claim, department);
    if (outcome === 'inactive') throw this.inactive(claim, department);
  }

  /**
   * The refusal of a request whose credential was revoked or expired after this replica looked it up (its cached copy
   * is dropped): answered as any inactive credential is, as a bad signature.
   */
  inactive(claim: NonceClaim, department: string): Error {
    this.credentials.forget(claim.accessKeyId);
    this.refusals.refused({
      channel: 'http',
      department,
      problem: AuthProblems.unknownCredential,
      status: 401,
      accessKeyId: claim.accessKeyId,
    });
    return unauthorized(AuthProblems.badSignature, BAD_SIGNATURE_DETAIL);
  }

  /** The refusal of a request whose nonce its credential has used before, logged and counted. */
  replayed(claim: NonceClaim, department: string): Error {
    return this.refuse(
      AuthProblems.replayedNonce,
      `Nonce ${claim.nonce} was already used by ${claim.accessKeyId}: sign every request with a new nonce`,
      { accessKeyId: claim.accessKeyId, department },
    );
  }

  private refuse(
    problem: (typeof AuthProblems)[keyof typeof AuthProblems],
    detail: string,
    who: { accessKeyId?: string; department?: string } = {},
  ): Error {
    this.refusals.refused({
      channel: 'http',
      department: who.department,
      problem,
      status: 401,
      detail,
      accessKeyId: who.accessKeyId,
    });
    return unauthorized(problem, detail);
  }

  private async unlessUnavailable<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (!isDatabaseUnavailable(error)) throw error;
      this.refusals.refused({ channel: 'http', department: undefined, problem: 'unavailable', status: 503 });
      throw serviceUnavailable('the hub cannot check credentials right now; retry with a new signature');
    }
  }
}

const BAD_SIGNATURE_DETAIL =
  'the signature does not match the request for an active credential: sign METHOD, path, canonical query, Timestamp, Nonce and the body SHA-256 with the secret (spec/HTTP-SIGNING.md)';
