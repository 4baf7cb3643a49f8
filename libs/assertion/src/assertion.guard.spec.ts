import { createHmac } from 'node:crypto';
import { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { SignJWT, base64url, importPKCS8 } from 'jose';
import { newEdgeKeys } from '@hub/infra';
import { ProblemException } from '@hub/platform';
import { ASSERTION_HEADER, AssertionSigner, AssertionVerifier, PUBLIC_CALLER } from './assertion';
import { AllowDepartments, AllowPeople, AllowPublic, AssertionGuard, peopleRefusal } from './assertion.guard';

const edge = newEdgeKeys();
const stranger = newEdgeKeys();
const SCJG = { subject: 'AKSCJG01', department: 'SCJG', system: 'case-handling', roles: [] };
const SUPERVISOR = {
  kind: 'person' as const,
  subject: '3f1c2a4e-0000-4000-8000-000000000001',
  department: 'SCJG',
  name: 'scjg-supervisor',
  roles: ['supervisor'],
};

class Handlers {
  any(): void {}
  @AllowDepartments('XXHZX')
  operatorsOnly(): void {}
  @AllowPeople({ roles: ['supervisor'], ownDepartment: 'department' })
  ledger(): void {}
  @AllowPublic()
  published(): void {}
}

function contextOf(headers: Record<string, string>, handler: keyof Handlers = 'any', params = {}) {
  const request: Record<string | symbol, unknown> = { headers, params };
  const context = {
    switchToHttp: () => ({ getRequest: () => request }),
    getHandler: () => Handlers.prototype[handler],
    getClass: () => Handlers,
  } as unknown as ExecutionContext;
  return { request, context };
}

async function refusal(headers: Record<string, string>, handler: keyof Handlers = 'any', params = {}) {
  const guard = new AssertionGuard(new Reflector(), await AssertionVerifier.fromPem(edge.publicKey, 'supervision'));
  const error = await guard.canActivate(contextOf(headers, handler, params).context).then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof ProblemException)) throw new Error(`expected a refusal, got ${String(error)}`);
  const body = error.getResponse();
  return { status: error.getStatus(), errors: error.errors, problem: error.problemType, body };
}

const signedBy = async (pem: string, audience = 'supervision', now?: number) =>
  (await AssertionSigner.fromPem(pem)).sign(audience, SCJG, now);

describe('AssertionGuard', () => {
  it('lets through an assertion of the edge for this app, and hands the handler the caller', async () => {
    const guard = new AssertionGuard(new Reflector(), await AssertionVerifier.fromPem(edge.publicKey, 'supervision'));
    const { request, context } = contextOf({ [ASSERTION_HEADER]: await signedBy(edge.privateKey) });
    expect(await guard.canActivate(context)).toBe(true);
    const [caller] = Object.getOwnPropertySymbols(request).map((s) => request[s]);
    expect(caller).toEqual({ ...SCJG, kind: 'system', id: expect.stringMatching(/^[0-9a-f-]{36}$/) });
  });

  it("hands the handler a person's claims: kind person, the account id, department, roles and username", async () => {
    const guard = new AssertionGuard(new Reflector(), await AssertionVerifier.fromPem(edge.publicKey, 'supervision'));
    const token = await (await AssertionSigner.fromPem(edge.privateKey)).sign('supervision', SUPERVISOR);
    const { request, context } = contextOf({ [ASSERTION_HEADER]: token }, 'ledger', { department: 'SCJG' });
    expect(await guard.canActivate(context)).toBe(true);
    const [caller] = Object.getOwnPropertySymbols(request).map((s) => request[s]);
    expect(caller).toEqual({ ...SUPERVISOR, id: expect.stringMatching(/^[0-9a-f-]{36}$/) });
  });

  it("refuses a person on another department's ledger, and on a route that does not allow people: 403 naming the rule", async () => {
    const token = await (await AssertionSigner.fromPem(edge.privateKey)).sign('supervision', SUPERVISOR);
    expect(await refusal({ [ASSERTION_HEADER]: token }, 'ledger', { department: 'SPJ' })).toMatchObject({
      status: 403,
      problem: 'forbidden',
      errors: [{ field: 'roles', rule: 'supervisorOfDepartment' }],
    });
    expect(await refusal({ [ASSERTION_HEADER]: token }, 'any')).toMatchObject({
      status: 403,
      errors: [{ field: 'roles', rule: 'allowPeople' }],
    });
  });

  it('lets the public (no department, no roles) reach only a handler marked @AllowPublic, which people may call too', async () => {
    const signer = await AssertionSigner.fromPem(edge.privateKey);
    const guard = new AssertionGuard(new Reflector(), await AssertionVerifier.fromPem(edge.publicKey, 'supervision'));
    const anyone = await signer.sign('supervision', PUBLIC_CALLER);
    const { request, context } = contextOf({ [ASSERTION_HEADER]: anyone }, 'published');
    expect(await guard.canActivate(context)).toBe(true);
    const [caller] = Object.getOwnPropertySymbols(request).map((s) => request[s]);
    expect(caller).toMatchObject({ kind: 'public', department: '', roles: [] });
    expect(await refusal({ [ASSERTION_HEADER]: anyone }, 'any')).toMatchObject({
      status: 403,
      errors: [{ field: ASSERTION_HEADER, rule: 'allowPublic' }],
    });
    const person = await signer.sign('supervision', SUPERVISOR);
    expect(await guard.canActivate(contextOf({ [ASSERTION_HEADER]: person }, 'published').context)).toBe(true);
  });

  it('refuses a public assertion that names a department, and a system without one', async () => {
    const signer = await AssertionSigner.fromPem(edge.privateKey);
    for (const claims of [
      { ...PUBLIC_CALLER, department: 'SCJG' },
      { ...SCJG, department: '' },
    ]) {
      expect(
        await refusal({ [ASSERTION_HEADER]: await signer.sign('supervision', claims) }, 'published'),
      ).toMatchObject({
        status: 401,
        errors: [{ field: ASSERTION_HEADER, rule: 'claims' }],
      });
    }
  });

  it('refuses a system assertion that carries roles, and a person without a name', async () => {
    const signer = await AssertionSigner.fromPem(edge.privateKey);
    const withRoles = await signer.sign('supervision', { ...SCJG, roles: ['admin'] });
    expect(await refusal({ [ASSERTION_HEADER]: withRoles })).toMatchObject({
      status: 401,
      errors: [{ field: ASSERTION_HEADER, rule: 'claims' }],
    });
    const nameless = await signer.sign('supervision', { ...SUPERVISOR, name: undefined });
    expect(await refusal({ [ASSERTION_HEADER]: nameless }, 'ledger', { department: 'SCJG' })).toMatchObject({
      status: 401,
      errors: [{ field: ASSERTION_HEADER, rule: 'claims' }],
    });
  });

  it('refuses a request without an assertion: 401 naming the header', async () => {
    expect(await refusal({})).toMatchObject({
      status: 401,
      problem: 'invalid-assertion',
      errors: [{ field: ASSERTION_HEADER, rule: 'present' }],
    });
  });

  it('refuses an assertion signed with another key', async () => {
    expect(await refusal({ [ASSERTION_HEADER]: await signedBy(stranger.privateKey) })).toMatchObject({
      status: 401,
      errors: [{ field: ASSERTION_HEADER, rule: 'signature' }],
    });
  });

  it('refuses an assertion for another app', async () => {
    expect(await refusal({ [ASSERTION_HEADER]: await signedBy(edge.privateKey, 'approval') })).toMatchObject({
      status: 401,
      errors: [{ field: ASSERTION_HEADER, rule: 'audience' }],
    });
  });

  it('refuses an expired assertion', async () => {
    const twoMinutesAgo = Math.floor(Date.now() / 1000) - 120;
    expect(
      await refusal({ [ASSERTION_HEADER]: await signedBy(edge.privateKey, 'supervision', twoMinutesAgo) }),
    ).toMatchObject({ status: 401, errors: [{ field: ASSERTION_HEADER, rule: 'expiry' }] });
  });

  it('refuses an assertion that would live longer than 60 s', async () => {
    const now = Math.floor(Date.now() / 1000);
    const token = await new SignJWT({ dept: 'SCJG', roles: [] })
      .setProtectedHeader({ alg: 'EdDSA' })
      .setIssuer('hub-gateway')
      .setAudience('supervision')
      .setSubject('AKSCJG01')
      .setJti('j-1')
      .setIssuedAt(now)
      .setExpirationTime(now + 3_600)
      .sign(await importPKCS8(edge.privateKey, 'EdDSA'));
    expect(await refusal({ [ASSERTION_HEADER]: token })).toMatchObject({
      status: 401,
      errors: [{ field: ASSERTION_HEADER, rule: 'expiry' }],
    });
  });

  /** A token of the edge's claims under another algorithm, with `sign` making its third part from the first two. */
  const forged = (alg: string, sign: (input: string) => string): string => {
    const now = Math.floor(Date.now() / 1000);
    const part = (value: object) => base64url.encode(JSON.stringify(value));
    const claims = { iss: 'hub-gateway', aud: 'supervision', sub: 'AKSCJG01', jti: 'j', iat: now, exp: now + 30 };
    const input = `${part({ alg, typ: 'JWT' })}.${part({ ...claims, dept: 'SCJG', roles: [] })}`;
    return `${input}.${sign(input)}`;
  };

  it('refuses an unsigned token (alg none)', async () => {
    expect(await refusal({ [ASSERTION_HEADER]: forged('none', () => '') })).toMatchObject({
      status: 401,
      errors: [{ field: ASSERTION_HEADER, rule: 'signature' }],
    });
  });

  it('refuses an HS256 token forged with the public key as its secret', async () => {
    const hs256 = (input: string) => base64url.encode(createHmac('sha256', edge.publicKey).update(input).digest());
    expect(await refusal({ [ASSERTION_HEADER]: forged('HS256', hs256) })).toMatchObject({
      status: 401,
      errors: [{ field: ASSERTION_HEADER, rule: 'signature' }],
    });
  });

  it('refuses garbage in the header', async () => {
    expect(await refusal({ [ASSERTION_HEADER]: 'not-a-jwt' })).toMatchObject({
      status: 401,
      errors: [{ field: ASSERTION_HEADER, rule: 'signature' }],
    });
  });

  it('answers 403 when the asserted department is not one the handler allows', async () => {
    const token = await signedBy(edge.privateKey);
    expect(await refusal({ [ASSERTION_HEADER]: token }, 'operatorsOnly')).toMatchObject({
      status: 403,
      problem: 'forbidden',
    });
  });
});

describe('peopleRefusal', () => {
  const ledger = {
    roles: ['supervisor', 'viewer'],
    ownDepartment: 'department',
    anyDepartment: ['operator', 'auditor', 'coordinator'],
  } as const;
  const person = (department: string, ...roles: string[]) => ({ department, roles });

  it("lets a department's supervisor or viewer read its own ledger, and the cross-department roles every ledger", () => {
    expect(peopleRefusal(person('SCJG', 'viewer'), ledger, { department: 'SCJG' })).toBeUndefined();
    expect(peopleRefusal(person('XXHZX', 'auditor'), ledger, { department: 'SCJG' })).toBeUndefined();
    expect(peopleRefusal(person('ZFW', 'coordinator'), ledger, { department: 'SCJG' })).toBeUndefined();
  });

  it("refuses another department's viewer, naming the rule", () => {
    expect(peopleRefusal(person('SPJ', 'viewer'), ledger, { department: 'SCJG' })).toMatchObject({
      rule: 'supervisorOrViewerOfDepartment',
    });
  });

  it('refuses a viewer a supervisor-only action of their own department', () => {
    const claim = { roles: ['supervisor'], ownDepartment: true } as const;
    expect(peopleRefusal(person('SPJ', 'viewer'), claim)).toMatchObject({ rule: 'supervisorOfDepartment' });
    expect(peopleRefusal(person('SPJ', 'supervisor'), claim)).toBeUndefined();
  });

  it('names a rule without a department for a role of any department', () => {
    expect(peopleRefusal(person('XXHZX', 'auditor'), { roles: ['operator'] })).toMatchObject({ rule: 'operator' });
    expect(peopleRefusal(person('XXHZX', 'auditor'), { roles: ['operator', 'auditor'] })).toBeUndefined();
    expect(peopleRefusal(person('SPJ', 'viewer'), { roles: 'any' })).toBeUndefined();
  });
});
