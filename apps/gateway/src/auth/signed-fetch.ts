import { randomNonce, signRequest, unixSeconds } from '@hub/auth';

export interface SigningKey {
  readonly accessKeyId: string;
  readonly secret: string;
}

export interface SignedFetchOptions {
  readonly method?: string;
  readonly body?: string | Buffer;
  readonly headers?: Record<string, string>;
  /** Sign with this time instead of now (stale-signature tests). */
  readonly timestamp?: number;
  readonly nonce?: string;
  /** Send these bytes instead of the signed body (tampering tests). */
  readonly sendBody?: string | Buffer;
}

/**
 * One raw request signed per spec/HTTP-SIGNING.md, with every part under the caller's control: what the gateway's
 * tests and tools need below the SDK. `target` is the path and query exactly as sent.
 */
export async function signedFetch(
  baseUrl: string,
  target: string,
  key: SigningKey,
  options: SignedFetchOptions = {},
): Promise<Response> {
  const method = options.method ?? (options.body === undefined ? 'GET' : 'POST');
  const [path, query = ''] = target.split(/\?(.*)/s);
  const body = options.body === undefined ? Buffer.alloc(0) : Buffer.from(options.body);
  const authorization = signRequest({
    method,
    path,
    query,
    body,
    accessKeyId: key.accessKeyId,
    secret: key.secret,
    timestamp: options.timestamp ?? unixSeconds(),
    nonce: options.nonce ?? randomNonce(),
  });
  const sent = options.sendBody === undefined ? body : Buffer.from(options.sendBody);
  return fetch(`${baseUrl}${target}`, {
    method,
    headers: {
      authorization,
      ...(sent.length > 0 && !options.headers?.['content-type'] ? { 'content-type': 'application/json' } : {}),
      ...options.headers,
    },
    body: method === 'GET' || method === 'HEAD' ? undefined : sent,
  });
}
