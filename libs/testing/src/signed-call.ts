import { randomNonce, signRequest, unixSeconds } from '@hub/auth';
import { ASSERTION_HEADER, AssertionSigner } from '@hub/assertion';

export interface SigningCredential {
  readonly accessKeyId: string;
  readonly secret: string;
}

/**
 * A system of each department that calls, registered at the gateway (with the admin credential) on its first call,
 * and calling the domain apps through the gateway's door: `call('supervision', 'SCJG', 'POST', '/v1/claims', …)`
 * is the gateway's `POST /v1/supervision/claims`, signed with SCJG's credential.
 */
export class DepartmentSystems {
  private readonly credentials = new Map<string, Promise<SigningCredential>>();

  constructor(
    readonly gatewayUrl: string,
    private readonly admin: SigningCredential,
    private readonly systemName = 'case-handling',
  ) {}

  /** The department's credential, its system registered once. */
  credential(department: string): Promise<SigningCredential> {
    let credential = this.credentials.get(department);
    if (!credential) {
      credential = this.register(department);
      this.credentials.set(department, credential);
    }
    return credential;
  }

  /** A call to `app`'s own `/v1/…` path, through the gateway. */
  async call<T = unknown>(
    app: string,
    department: string,
    method: string,
    pathAndQuery: string,
    body?: unknown,
  ): Promise<{ status: number; contentType: string | null; body: T }> {
    if (!pathAndQuery.startsWith('/v1/')) throw new Error(`an app's path starts with /v1/: ${pathAndQuery}`);
    const credential = await this.credential(department);
    return signedCall<T>(this.gatewayUrl, credential, method, `/v1/${app}${pathAndQuery.slice(3)}`, body);
  }

  private async register(department: string): Promise<SigningCredential> {
    const registered = await signedCall<{ credential: SigningCredential }>(
      this.gatewayUrl,
      this.admin,
      'POST',
      '/v1/admin/systems',
      { department, name: this.systemName },
    );
    if (registered.status !== 201) {
      throw new Error(`registering ${department}/${this.systemName}: ${JSON.stringify(registered.body)}`);
    }
    return registered.body.credential;
  }
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
  caller: {
    audience: string;
    department: string;
    subject?: string;
    system?: string;
    /** A person signed in at the gateway, with their username and roles, instead of a system. */
    person?: { name: string; roles: string[] };
  },
  method: string,
  pathAndQuery: string,
  body?: unknown,
): Promise<{ status: number; contentType: string | null; body: T }> {
  const { audience, department, subject = `test-${department.toLowerCase()}`, system = 'test', person } = caller;
  const signer = await AssertionSigner.fromPem(signingKey);
  const assertion = await signer.sign(
    audience,
    person
      ? { kind: 'person', subject, department, name: person.name, roles: person.roles }
      : { subject, department, system, roles: [] },
  );
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
