import { createHmac } from 'node:crypto';
import { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { SignJWT, base64url, importPKCS8 } from 'jose';
import { newEdgeKeys } from '@hub/infra';
import { ProblemException } from '@hub/platform';
import { ASSERTION_HEADER, AssertionSigner, AssertionVerifier } from './assertion';
import { AllowDepartments, AssertionGuard } from './assertion.guard';

const edge = newEdgeKeys();
const stranger = newEdgeKeys();
const SCJG = { subject: 'AKSCJG01', department: 'SCJG', system: 'case-handling', roles: [] };

class Handlers {
  any(): void {}
  @AllowDepartments('XXHZX')
  operatorsOnly(): void {}
}

function contextOf(headers: Record<string, string>, handler: keyof Handlers = 'any') {
  const request: Record<string | symbol, unknown> = { headers };
  const context = {
    switchToHttp: () => ({ getRequest: () => request }),
    getHandler: () => Handlers.prototype[handler],
    getClass: () => Handlers,
  } as unknown as ExecutionContext;
  return { request, context };
}

async function refusal(headers: Record<string, string>, handler: keyof Handlers = 'any') {
  const guard = new AssertionGuard(new Reflector(), await AssertionVerifier.fromPem(edge.publicKey, 'supervision'));
  const error = await guard.canActivate(contextOf(headers, handler).context).then(
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
    expect(caller).toEqual({ ...SCJG, id: expect.stringMatching(/^[0-9a-f-]{36}$/) });
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
