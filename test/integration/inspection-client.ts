import { ASSERTION_HEADER, AssertionSigner, PUBLIC_CALLER } from '@hub/assertion';

export interface Answer<T> {
  status: number;
  body: T;
}

/**
 * Calls the inspection app as the gateway forwards them: with the edge's assertion of a person (department and
 * roles), of a department's system, or of the public.
 */
export function inspectionClient(url: string, signingKey: string) {
  const signer = AssertionSigner.fromPem(signingKey);
  async function call<T>(
    claims: Parameters<AssertionSigner['sign']>[1],
    method: string,
    path: string,
    body?: unknown,
    contentType = 'application/json',
  ): Promise<Answer<T>> {
    const assertion = await (await signer).sign('inspection', claims);
    const headers: Record<string, string> = { [ASSERTION_HEADER]: assertion };
    if (body !== undefined) headers['content-type'] = contentType;
    const payload =
      body === undefined
        ? undefined
        : typeof body === 'string'
          ? body
          : Buffer.isBuffer(body)
            ? new Uint8Array(body)
            : JSON.stringify(body);
    const response = await fetch(`${url}${path}`, { method, headers, body: payload });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T };
  }
  return {
    /** A supervisor (or another role) of a department, signed in at the gateway. */
    as: (department: string, roles: string[] = ['supervisor'], name = `${department.toLowerCase()}-supervisor`) => ({
      call: <T>(method: string, path: string, body?: unknown, contentType?: string) =>
        call<T>({ kind: 'person', subject: `acct-${name}`, name, department, roles }, method, path, body, contentType),
    }),
    system: (department: string) => ({
      call: <T>(method: string, path: string, body?: unknown) =>
        call<T>(
          { kind: 'system', subject: `AK${department}01`, department, system: 'inspection', roles: [] },
          method,
          path,
          body,
        ),
    }),
    public: <T>(path: string) => call<T>(PUBLIC_CALLER, 'GET', path),
  };
}
