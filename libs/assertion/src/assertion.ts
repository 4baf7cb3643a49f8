import { randomUUID } from 'node:crypto';
import { JWTPayload, KeyLike, SignJWT, errors, importPKCS8, importSPKI, jwtVerify } from 'jose';

/** The header that carries the assertion from the gateway to the app it forwards to. */
export const ASSERTION_HEADER = 'hub-assertion';
/** Who signs every assertion: the edge. */
export const ASSERTION_ISSUER = 'hub-gateway';
/** How long an assertion is good for: one forwarded call, with room for a slow upstream and the clocks apart. */
export const ASSERTION_LIFETIME_SECONDS = 30;
/** The longest lifetime an app accepts, whatever the token says. */
export const ASSERTION_MAX_LIFETIME_SECONDS = 60;
/** Clocks of the gateway and the app may be this far apart. */
export const ASSERTION_CLOCK_TOLERANCE_SECONDS = 5;

const ALGORITHM = 'EdDSA';

/**
 * A department system (signed with its gateway credential), a person (signed in at the gateway), or anyone at all:
 * `public`, for the 一公开 reads the gateway forwards unauthenticated (`GET /v1/<app>/public/…`), which only handlers
 * marked `@AllowPublic()` take.
 */
export type CallerKind = 'system' | 'person' | 'public';

/** The public's claims: no department, no name, no roles. */
export const PUBLIC_CALLER: AssertionClaims = { kind: 'public', subject: 'public', department: '', roles: [] };

/** Who the edge vouches for, as a domain app sees the caller. */
export interface AssertedCaller {
  readonly kind: CallerKind;
  /** The system's access key id, or the person's account id. */
  readonly subject: string;
  /** The caller's department code; empty for the public. */
  readonly department: string;
  /** The system's name within its department, e.g. `case-handling`; absent for a person. */
  readonly system?: string;
  /** The person's username; absent for a system. */
  readonly name?: string;
  /** The person's roles (PERSON_ROLES); always empty for a system. */
  readonly roles: readonly string[];
  /** The token's id, unique per forwarded call. */
  readonly id: string;
}

/** What the edge signs; `kind` is `system` when not given (the claims of a system, as before people came). */
export type AssertionClaims = Omit<AssertedCaller, 'id' | 'kind'> & { readonly kind?: CallerKind };

/** Why an assertion was refused: the rule it broke, for the 401's problem details. */
export class AssertionRefused extends Error {
  constructor(
    readonly rule: 'present' | 'signature' | 'issuer' | 'audience' | 'expiry' | 'claims',
    message: string,
  ) {
    super(message);
  }
}

/** The gateway's half: mints one assertion per forwarded call with the edge's Ed25519 private key. */
export class AssertionSigner {
  private constructor(private readonly key: KeyLike) {}

  /** From a PKCS#8 PEM Ed25519 private key. */
  static async fromPem(pkcs8: string): Promise<AssertionSigner> {
    return new AssertionSigner(await importPKCS8(normalizePem(pkcs8), ALGORITHM));
  }

  sign(audience: string, claims: AssertionClaims, now = Math.floor(Date.now() / 1000)): Promise<string> {
    return new SignJWT({
      kind: claims.kind ?? 'system',
      dept: claims.department,
      ...(claims.system === undefined ? {} : { sys: claims.system }),
      ...(claims.name === undefined ? {} : { name: claims.name }),
      roles: [...claims.roles],
    })
      .setProtectedHeader({ alg: ALGORITHM, typ: 'JWT' })
      .setIssuer(ASSERTION_ISSUER)
      .setAudience(audience)
      .setSubject(claims.subject)
      .setJti(randomUUID())
      .setIssuedAt(now)
      .setExpirationTime(now + ASSERTION_LIFETIME_SECONDS)
      .sign(this.key);
  }
}

/** A domain app's half: checks an assertion against the edge's public key and the app's own name. */
export class AssertionVerifier {
  private constructor(
    private readonly key: KeyLike,
    readonly audience: string,
  ) {}

  /** From the edge's SPKI PEM Ed25519 public key; `audience` is the app's own name. */
  static async fromPem(spki: string, audience: string): Promise<AssertionVerifier> {
    return new AssertionVerifier(await importSPKI(normalizePem(spki), ALGORITHM), audience);
  }

  async verify(token: string | string[] | undefined): Promise<AssertedCaller> {
    if (typeof token !== 'string' || token === '') {
      throw new AssertionRefused('present', `no ${ASSERTION_HEADER} header: call the app through the gateway`);
    }
    let payload: JWTPayload;
    try {
      // Only EdDSA: a token of another algorithm (none, or HS256 keyed with the public key) is refused outright.
      ({ payload } = await jwtVerify(token, this.key, {
        algorithms: [ALGORITHM],
        issuer: ASSERTION_ISSUER,
        audience: this.audience,
        clockTolerance: ASSERTION_CLOCK_TOLERANCE_SECONDS,
        maxTokenAge: ASSERTION_MAX_LIFETIME_SECONDS,
        requiredClaims: ['sub', 'jti', 'iat', 'exp'],
      }));
    } catch (error) {
      throw refusal(error, this.audience);
    }
    return callerOf(payload);
  }
}

function callerOf(payload: JWTPayload): AssertedCaller {
  const { sub, jti, iat, exp, dept, sys, name, roles } = payload;
  // An assertion without `kind` is a system's: the edge signed none before people came.
  const kind = payload.kind ?? 'system';
  if (exp! - iat! > ASSERTION_MAX_LIFETIME_SECONDS) {
    throw new AssertionRefused('expiry', `the assertion lives longer than ${ASSERTION_MAX_LIFETIME_SECONDS} s`);
  }
  if (
    typeof dept !== 'string' ||
    (sys !== undefined && typeof sys !== 'string') ||
    !Array.isArray(roles) ||
    !roles.every((r) => typeof r === 'string')
  ) {
    throw new AssertionRefused('claims', 'the assertion must name a department (dept) and roles (a list of strings)');
  }
  if (kind !== 'system' && kind !== 'person' && kind !== 'public') {
    throw new AssertionRefused('claims', "the assertion's kind must be system, person or public");
  }
  if (kind === 'person' ? typeof name !== 'string' || name === '' : roles.length > 0 || name !== undefined) {
    throw new AssertionRefused(
      'claims',
      "a person's assertion names the person (name); a system's or the public's has no name and no roles",
    );
  }
  if ((kind === 'public') !== (dept === '') || (kind === 'public' && sys !== undefined)) {
    throw new AssertionRefused('claims', 'only the public has no department, and it names no system');
  }
  return {
    kind,
    subject: sub!,
    department: dept,
    ...(sys === undefined ? {} : { system: sys as string }),
    ...(name === undefined ? {} : { name: name as string }),
    roles: roles as string[],
    id: jti!,
  };
}

function refusal(error: unknown, audience: string): AssertionRefused {
  if (error instanceof errors.JWTExpired) return new AssertionRefused('expiry', 'the assertion has expired');
  if (error instanceof errors.JWTClaimValidationFailed) {
    switch (error.claim) {
      case 'iss':
        return new AssertionRefused('issuer', `the assertion was not issued by ${ASSERTION_ISSUER}`);
      case 'aud':
        return new AssertionRefused('audience', `the assertion is not for ${audience}`);
      case 'iat':
      case 'nbf':
        return new AssertionRefused('expiry', 'the assertion is not valid now');
      default:
        return new AssertionRefused('claims', `the assertion's ${error.claim} claim is missing or invalid`);
    }
  }
  if (error instanceof errors.JOSEError) {
    return new AssertionRefused('signature', 'the assertion is not an EdDSA JWT signed by the edge');
  }
  throw error;
}

/** A PEM from an environment variable, where `\n` may stand for the line breaks an env file cannot hold. */
export function normalizePem(pem: string): string {
  return pem.replace(/\\n/g, '\n').trim();
}
