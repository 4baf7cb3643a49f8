import { ExecutionContext } from '@nestjs/common';
import { randomNonce, signRequest } from '@hub/auth';
import { HubMetrics } from '@hub/observability';
import { ProblemException } from '@hub/platform';
import { ActiveCredential, CredentialsService } from '../credentials/credentials.service';
import { AdminGuard } from './admin.guard';
import { CALLER, Caller } from './caller.decorator';
import { NonceRepository } from './nonce.repository';
import { RefusalsService } from './refusals.service';
import { RequestAuthenticator, SignedRequest } from './request-authenticator.service';

const NOW = 1_795_766_400;
const SPJ: ActiveCredential = {
  accessKeyId: 'AKSPJ0001',
  secret: 'demo-secret-SPJ-0001',
  systemId: '6f1c1f4e-8a52-4b8e-9a57-1d1f0c6f1a01',
  systemName: 'approval',
  department: 'SPJ',
  admin: false,
  expiresAt: null,
};

/** In-memory stand-ins for the two stores; the authenticator itself is the real one. */
function setUp(options: { down?: boolean } = {}) {
  const lookups: string[] = [];
  const seen = new Set<string>();
  const unavailable = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
  /** Credentials revoked in the database after the replica looked them up (its copy still has them). */
  const revoked = new Set<string>();
  const forgotten: string[] = [];
  const credentials = {
    findActive: async (id: string) => {
      lookups.push(id);
      if (options.down) throw unavailable;
      return id === SPJ.accessKeyId ? SPJ : undefined;
    },
    forget: (id: string) => forgotten.push(id),
  } as unknown as CredentialsService;
  const nonces = {
    remember: async (id: string, nonce: string) => {
      if (revoked.has(id)) return 'inactive';
      const key = `${id}/${nonce}`;
      if (seen.has(key)) return 'replayed';
      seen.add(key);
      return 'fresh';
    },
  } as unknown as NonceRepository;
  const metrics = new HubMetrics('gateway', false);
  const authenticator = new RequestAuthenticator(credentials, nonces, new RefusalsService(metrics));
  return { authenticator, lookups, seen, metrics, revoked, forgotten };
}

function signed(
  secret = SPJ.secret,
  change: Partial<{ timestamp: number; nonce: string; body: string; accessKeyId: string }> = {},
): SignedRequest {
  const body = Buffer.from(change.body ?? '{"a":1}');
  const authorization = signRequest({
    method: 'POST',
    path: '/v1/events',
    query: 'b=2&a=1',
    body,
    accessKeyId: change.accessKeyId ?? SPJ.accessKeyId,
    secret,
    timestamp: change.timestamp ?? NOW,
    nonce: change.nonce ?? randomNonce(),
  });
  return { method: 'POST', target: '/v1/events?b=2&a=1', authorization, body };
}

async function problemOf(promise: Promise<unknown>): Promise<{ status: number; type: string; body: unknown }> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ProblemException)
      return { status: error.getStatus(), type: error.problemType, body: [error.problemType, error.message] };
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('RequestAuthenticator', () => {
  it('returns the caller of a well-signed request', async () => {
    const { authenticator } = setUp();
    await expect(authenticator.authenticate(signed(), NOW)).resolves.toEqual({
      department: 'SPJ',
      systemId: SPJ.systemId,
      systemName: 'approval',
      accessKeyId: SPJ.accessKeyId,
      admin: false,
    });
  });

  it.each([
    [{ authorization: undefined }, 'missing-signature'],
    [{ authorization: 'Basic abc' }, 'malformed-signature'],
  ])('answers %j with %s', async (change, type) => {
    const { authenticator } = setUp();
    expect(await problemOf(authenticator.authenticate({ ...signed(), ...change }, NOW))).toMatchObject({
      status: 401,
      type,
    });
  });

  it('refuses a stale timestamp before looking the credential up', async () => {
    const { authenticator, lookups } = setUp();
    expect(
      await problemOf(authenticator.authenticate(signed(SPJ.secret, { timestamp: NOW - 301 }), NOW)),
    ).toMatchObject({ type: 'stale-timestamp' });
    expect(lookups).toEqual([]);
  });

  it('answers an unknown credential with the very body of a bad signature', async () => {
    const { authenticator, metrics } = setUp();
    const unknown = await problemOf(authenticator.authenticate(signed(SPJ.secret, { accessKeyId: 'AKNOPE' }), NOW));
    const bad = await problemOf(authenticator.authenticate(signed('wrong-secret'), NOW));
    expect(unknown).toEqual(bad);
    expect(bad.type).toBe('bad-signature');
    const text = await metrics.registry.metrics();
    expect(text).toMatch(/problem="unknown-credential"[^\n]*\} 1/);
    expect(text).toMatch(/department="SPJ",problem="bad-signature"[^\n]*\} 1/);
  });

  it('refuses a replay, and records a nonce only once the signature holds', async () => {
    const { authenticator, seen } = setUp();
    const nonce = randomNonce();
    await problemOf(authenticator.authenticate(signed('wrong-secret', { nonce }), NOW));
    expect(seen.size).toBe(0);
    const request = signed(SPJ.secret, { nonce });
    await authenticator.authenticate(request, NOW);
    expect(await problemOf(authenticator.authenticate(request, NOW))).toMatchObject({
      status: 401,
      type: 'replayed-nonce',
    });
  });

  it('refuses a request whose credential was revoked after the replica looked it up, and drops its copy', async () => {
    const { authenticator, revoked, forgotten, seen } = setUp();
    revoked.add(SPJ.accessKeyId);
    expect(await problemOf(authenticator.authenticate(signed(), NOW))).toMatchObject({
      status: 401,
      type: 'bad-signature',
    });
    expect(forgotten).toEqual([SPJ.accessKeyId]);
    expect(seen.size).toBe(0);
  });

  it('leaves the nonce to a route that records it with its own work, on the caller', async () => {
    const { authenticator, seen } = setUp();
    const nonce = randomNonce();
    const request = signed(SPJ.secret, { nonce });
    const caller = await authenticator.authenticate(request, NOW, { nonceWithWork: true });
    expect(caller.nonce).toEqual({ accessKeyId: SPJ.accessKeyId, nonce, expiresAtSeconds: NOW + 300 + 60 });
    expect(seen.size).toBe(0);
    await authenticator.recordNonce(caller.nonce!, caller.department);
    expect(await problemOf(authenticator.recordNonce(caller.nonce!, caller.department))).toMatchObject({
      status: 401,
      type: 'replayed-nonce',
    });
  });

  it('refuses a body or query other than the signed one', async () => {
    const { authenticator } = setUp();
    const request = signed();
    expect(
      await problemOf(authenticator.authenticate({ ...request, body: Buffer.from('{"a":2}') }, NOW)),
    ).toMatchObject({ type: 'bad-signature' });
    expect(
      await problemOf(authenticator.authenticate({ ...request, target: '/v1/events?a=1&b=3' }, NOW)),
    ).toMatchObject({ type: 'bad-signature' });
  });

  it('accepts the query in another order, as the canonical form sorts it', async () => {
    const { authenticator } = setUp();
    await expect(authenticator.authenticate({ ...signed(), target: '/v1/events?a=1&b=2' }, NOW)).resolves.toMatchObject(
      { department: 'SPJ' },
    );
  });

  it('answers 503 when the credentials cannot be read', async () => {
    const { authenticator } = setUp({ down: true });
    expect(await problemOf(authenticator.authenticate(signed(), NOW))).toMatchObject({
      status: 503,
      type: 'unavailable',
    });
  });
});

describe('AdminGuard', () => {
  const context = (caller: Caller) =>
    ({ switchToHttp: () => ({ getRequest: () => ({ [CALLER]: caller }) }) }) as unknown as ExecutionContext;
  const guard = new AdminGuard(new RefusalsService(new HubMetrics('gateway', false)));
  const caller: Caller = {
    department: 'XXHZX',
    systemId: 'x',
    systemName: 'hub-admin',
    accessKeyId: 'AK',
    admin: true,
  };

  it('lets an admin system through', () => {
    expect(guard.canActivate(context(caller))).toBe(true);
  });

  it('refuses any other system with 403 forbidden', () => {
    expect(() => guard.canActivate(context({ ...caller, department: 'SPJ', admin: false }))).toThrow(
      expect.objectContaining({ problemType: 'forbidden', status: 403 }),
    );
  });

  it('refuses a route where no signature was checked, as a programming error', () => {
    const bare = { switchToHttp: () => ({ getRequest: () => ({}) }) } as unknown as ExecutionContext;
    expect(() => guard.canActivate(bare)).toThrow(/SignedRequestGuard/);
  });
});
