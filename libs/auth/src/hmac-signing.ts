import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** The scheme of the hub's request signatures (spec/HTTP-SIGNING.md). */
export const HUB_HMAC_SCHEME = 'HUB-HMAC-SHA256';

/** How far a request's Timestamp may be from the hub's clock, either way. */
export const SIGNATURE_WINDOW_SECONDS = 300;

export const NONCE_PATTERN = /^[A-Za-z0-9_-]{16,64}$/;
export const ACCESS_KEY_ID_PATTERN = /^[A-Za-z0-9._-]{1,128}$/;
const TIMESTAMP_PATTERN = /^(0|[1-9][0-9]{0,11})$/;
const SIGNATURE_PATTERN = /^[0-9a-f]{64}$/;

/** Query parameters as a raw query string (`a=1&b=2`, with or without `?`), a record, or URLSearchParams. */
export type QueryInput =
  string | URLSearchParams | Readonly<Record<string, string | number | readonly (string | number)[]>>;

export interface RequestToSign {
  readonly method: string;
  /** Exactly as sent on the request line, without the query (e.g. `/v1/events`). */
  readonly path: string;
  readonly query?: QueryInput;
  /** The raw body bytes; a string is taken as UTF-8; absent means empty. */
  readonly body?: Uint8Array | string;
  /** Whole seconds since the Unix epoch. */
  readonly timestamp: number | string;
  readonly nonce: string;
}

export interface SigningCredential {
  readonly accessKeyId: string;
  readonly secret: string;
}

/** The four parameters of an Authorization header. */
export interface HubAuthorization {
  readonly accessKeyId: string;
  readonly timestamp: number;
  readonly nonce: string;
  /** Lowercase hex. */
  readonly signature: string;
}

export type AuthorizationParseResult =
  | { readonly ok: true; readonly authorization: HubAuthorization }
  | { readonly ok: false; readonly problem: 'missing-signature' | 'malformed-signature'; readonly detail: string };

/** Lowercase hex SHA-256 of the bytes (of the empty string when there are none). */
export function sha256Hex(body: Uint8Array | string | undefined): string {
  return createHash('sha256')
    .update(body ?? '')
    .digest('hex');
}

/**
 * RFC 3986 percent-encoding: everything but the unreserved characters `A-Z a-z 0-9 - . _ ~` becomes `%XX`
 * (upper-case hex) of its UTF-8 bytes.
 */
export function rfc3986Encode(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * The canonical query line. A raw query string is split on `&` and `=` (first one) and percent-decoded
 * (`+` is a literal plus, as in RFC 3986, not a space); each name and value is then encoded per RFC 3986 and the
 * pairs are sorted by encoded name, then encoded value, in code-unit order. A parameter without `=` has an
 * empty value.
 */
export function canonicalQuery(query: QueryInput | undefined): string {
  const pairs: [string, string][] = [];
  if (query === undefined) return '';
  if (typeof query === 'string') {
    const raw = query.startsWith('?') ? query.slice(1) : query;
    for (const part of raw.split('&')) {
      if (part === '') continue;
      const eq = part.indexOf('=');
      const name = eq < 0 ? part : part.slice(0, eq);
      const value = eq < 0 ? '' : part.slice(eq + 1);
      pairs.push([safeDecode(name), safeDecode(value)]);
    }
  } else if (query instanceof URLSearchParams) {
    for (const [name, value] of query) pairs.push([name, value]);
  } else {
    for (const [name, value] of Object.entries(query)) {
      const values = Array.isArray(value) ? (value as readonly (string | number)[]) : [value as string | number];
      for (const v of values) pairs.push([name, String(v)]);
    }
  }
  return pairs
    .map(([name, value]) => [rfc3986Encode(name), rfc3986Encode(value)] as const)
    .sort(([an, av], [bn, bv]) => compare(an, bn) || compare(av, bv))
    .map(([name, value]) => `${name}=${value}`)
    .join('&');
}

/** The seven lines the signature covers, joined by `\n` without a trailing newline. */
export function canonicalRequest(request: RequestToSign): string {
  return [
    HUB_HMAC_SCHEME,
    request.method.toUpperCase(),
    request.path,
    canonicalQuery(request.query),
    String(request.timestamp),
    request.nonce,
    sha256Hex(request.body),
  ].join('\n');
}

/** Lowercase hex HMAC-SHA256 of the canonical request, keyed by the secret's UTF-8 bytes. */
export function requestSignature(secret: string, request: RequestToSign): string {
  return createHmac('sha256', Buffer.from(secret, 'utf8')).update(canonicalRequest(request), 'utf8').digest('hex');
}

/** The Authorization header value for a request signed with the credential. */
export function signRequest(request: RequestToSign & SigningCredential): string {
  if (!NONCE_PATTERN.test(request.nonce)) throw new RangeError('nonce must be 16-64 characters from A-Za-z0-9-_');
  if (!ACCESS_KEY_ID_PATTERN.test(request.accessKeyId)) throw new RangeError('accessKeyId is not a well-formed key id');
  if (!TIMESTAMP_PATTERN.test(String(request.timestamp)))
    throw new RangeError('timestamp must be whole seconds since the epoch');
  return formatAuthorization({
    accessKeyId: request.accessKeyId,
    timestamp: Number(request.timestamp),
    nonce: request.nonce,
    signature: requestSignature(request.secret, request),
  });
}

export function formatAuthorization(authorization: HubAuthorization): string {
  const { accessKeyId, timestamp, nonce, signature } = authorization;
  return `${HUB_HMAC_SCHEME} Credential=${accessKeyId}, Timestamp=${timestamp}, Nonce=${nonce}, Signature=${signature}`;
}

/** A fresh nonce: 32 characters of base64url from 24 random bytes. */
export function randomNonce(): string {
  return randomBytes(24).toString('base64url');
}

/** Now, in whole seconds since the epoch. */
export function unixSeconds(at: Date = new Date()): number {
  return Math.floor(at.getTime() / 1000);
}

const PARAMETERS = ['Credential', 'Timestamp', 'Nonce', 'Signature'] as const;
type Parameter = (typeof PARAMETERS)[number];

/**
 * Reads an Authorization header. Absent or empty: `missing-signature`; anything that is not exactly the four
 * parameters of the scheme, each once and well formed: `malformed-signature`, with what is wrong.
 */
export function parseAuthorization(header: string | readonly string[] | undefined): AuthorizationParseResult {
  if (header === undefined || header.length === 0) return missing('the request has no Authorization header');
  if (typeof header !== 'string') return malformed('the request has more than one Authorization header');
  const value = header.trim();
  if (value === '') return missing('the Authorization header is empty');
  const space = value.indexOf(' ');
  const scheme = space < 0 ? value : value.slice(0, space);
  if (scheme !== HUB_HMAC_SCHEME) return malformed(`the Authorization scheme must be ${HUB_HMAC_SCHEME}`);
  const found = new Map<Parameter, string>();
  for (const part of value.slice(scheme.length).split(',')) {
    const item = part.trim();
    const eq = item.indexOf('=');
    const name = (eq < 0 ? item : item.slice(0, eq)) as Parameter;
    if (!PARAMETERS.includes(name)) return malformed(`unknown parameter "${name}"; expected ${PARAMETERS.join(', ')}`);
    if (found.has(name)) return malformed(`parameter ${name} appears more than once`);
    found.set(name, item.slice(eq + 1));
  }
  const absent = PARAMETERS.filter((p) => !found.has(p));
  if (absent.length > 0) return malformed(`missing parameter(s): ${absent.join(', ')}`);
  const accessKeyId = found.get('Credential')!;
  const timestamp = found.get('Timestamp')!;
  const nonce = found.get('Nonce')!;
  const signature = found.get('Signature')!;
  if (!ACCESS_KEY_ID_PATTERN.test(accessKeyId))
    return malformed('Credential must be an access key id issued by the hub');
  if (!TIMESTAMP_PATTERN.test(timestamp)) return malformed('Timestamp must be whole seconds since the Unix epoch');
  if (!NONCE_PATTERN.test(nonce)) return malformed('Nonce must be 16-64 characters from A-Za-z0-9-_');
  if (!SIGNATURE_PATTERN.test(signature)) return malformed('Signature must be 64 lowercase hex digits');
  return { ok: true, authorization: { accessKeyId, timestamp: Number(timestamp), nonce, signature } };
}

/** True when `|now − timestamp| ≤ windowSeconds`. */
export function isFresh(
  timestamp: number,
  now: number = unixSeconds(),
  windowSeconds = SIGNATURE_WINDOW_SECONDS,
): boolean {
  return Math.abs(now - timestamp) <= windowSeconds;
}

/** Constant-time comparison of two lowercase hex digests; false when they differ in length or form. */
export function hexDigestsEqual(expected: string, actual: string): boolean {
  if (!SIGNATURE_PATTERN.test(expected) || !SIGNATURE_PATTERN.test(actual)) return false;
  return timingSafeEqual(Buffer.from(expected, 'hex'), Buffer.from(actual, 'hex'));
}

/**
 * Whether `signature` is the request's signature under any of the secrets (several are valid during a
 * rotation). Every secret is tried, so the time taken does not tell which one matched.
 */
export function verifyRequestSignature(secrets: readonly string[], request: RequestToSign, signature: string): boolean {
  let matched = false;
  for (const secret of secrets) {
    if (hexDigestsEqual(requestSignature(secret, request), signature)) matched = true;
  }
  return matched;
}

function missing(detail: string): AuthorizationParseResult {
  return { ok: false, problem: 'missing-signature', detail };
}

function malformed(detail: string): AuthorizationParseResult {
  return { ok: false, problem: 'malformed-signature', detail };
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    // A stray `%` is kept as sent; both sides then encode it the same way.
    return text;
  }
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
