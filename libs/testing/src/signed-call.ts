import { randomNonce, signRequest, unixSeconds } from '@hub/auth';
import { demoDepartmentCredential } from '@hub/config';

/** A department system's demo credential (development and tests: `demo-<code>` / `demo-secret-<CODE>-0001`). */
export const demoCredential = demoDepartmentCredential;

/** One JSON call signed per spec/HTTP-SIGNING.md with `credential` (or unsigned: null); the body parsed. */
export async function signedCall<T = unknown>(
  baseUrl: string,
  credential: { accessKeyId: string; secret: string } | null,
  method: string,
  pathAndQuery: string,
  body?: unknown,
  contentType = 'application/json',
): Promise<{ status: number; contentType: string | null; body: T }> {
  const raw = body === undefined ? '' : JSON.stringify(body);
  const [path, query = ''] = pathAndQuery.split(/\?(.*)/s);
  const headers: Record<string, string> = body === undefined ? {} : { 'content-type': contentType };
  if (credential) {
    const signed = { method, path, query, body: raw, timestamp: unixSeconds(), nonce: randomNonce() };
    headers.authorization = signRequest({ ...credential, ...signed });
  }
  const response = await fetch(`${baseUrl}${pathAndQuery}`, {
    method,
    headers,
    body: body === undefined ? undefined : raw,
  });
  const text = await response.text();
  return {
    status: response.status,
    contentType: response.headers.get('content-type'),
    body: (text ? JSON.parse(text) : undefined) as T,
  };
}
