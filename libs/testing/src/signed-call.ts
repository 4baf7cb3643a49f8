import { randomNonce, signRequest, unixSeconds } from '@hub/auth';
import { ASSERTION_HEADER, AssertionSigner } from '@hub/assertion';

/** A department system's demo credential (outside production: `demo-<code>` / `demo-secret-<CODE>-0001`). */
export function demoCredential(department: string): { accessKeyId: string; secret: string } {
  return { accessKeyId: `demo-${department.toLowerCase()}`, secret: `demo-secret-${department}-0001` };
}

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
  return jsonAnswer<T>(response);
}

/**
 * One JSON call straight to a domain app with an assertion the test's edge key signed, as the gateway would forward
 * it: for an app's own integration tests, which run without a gateway.
 */
export async function assertedCall<T = unknown>(
  baseUrl: string,
  signingKey: string,
  caller: { audience: string; department: string; subject?: string; system?: string },
  method: string,
  pathAndQuery: string,
  body?: unknown,
): Promise<{ status: number; contentType: string | null; body: T }> {
  const { audience, department, subject = `test-${department.toLowerCase()}`, system = 'test' } = caller;
  const signer = await AssertionSigner.fromPem(signingKey);
  const assertion = await signer.sign(audience, { subject, department, system, roles: [] });
  const headers: Record<string, string> = { [ASSERTION_HEADER]: assertion };
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${baseUrl}${pathAndQuery}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return jsonAnswer<T>(response);
}

async function jsonAnswer<T>(response: Response): Promise<{ status: number; contentType: string | null; body: T }> {
  const text = await response.text();
  return {
    status: response.status,
    contentType: response.headers.get('content-type'),
    body: (text ? JSON.parse(text) : undefined) as T,
  };
}
