import { Client } from 'pg';
import { formatAuthorization, randomNonce, unixSeconds } from '@hub/auth';
import { RunningHubApp, startHubApp } from '@hub/platform';
import { IsolatedEnv, isolatedEnv } from '@hub/testing';
import { gatewayApp } from '../gateway.app';
import { toGatewayEnv } from '../gateway.env';
import { SigningKey, signedFetch } from './signed-fetch';

const ADMIN: SigningKey = { accessKeyId: 'AKTESTADMIN', secret: 'test-admin-secret-0123456789abcdef' };

interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: { field: string; rule: string }[];
}

/** Signed requests and the admin API against the real gateway, PostgreSQL and Kafka. */
describe('signed requests and credentials', () => {
  let iso: IsolatedEnv;
  let hub: RunningHubApp;
  let spj: SigningKey;
  let spjSystemId: string;

  const problemOf = async (response: Response): Promise<Problem> => {
    expect(response.headers.get('content-type')).toMatch(/application\/problem\+json/);
    return (await response.json()) as Problem;
  };
  const me = (key: SigningKey, options = {}) => signedFetch(hub.url, '/v1/me', key, options);

  beforeAll(async () => {
    iso = await isolatedEnv();
    hub = await startHubApp(
      gatewayApp,
      toGatewayEnv(iso.env, {
        HUB_ADMIN_ACCESS_KEY_ID: ADMIN.accessKeyId,
        HUB_ADMIN_SECRET: ADMIN.secret,
        HUB_SECRET_KEY: Buffer.alloc(32, 7).toString('base64'),
        GATEWAY_CREDENTIAL_CACHE_MS: '0',
      }),
    );
    const registered = await signedFetch(hub.url, '/v1/admin/systems', ADMIN, {
      body: JSON.stringify({ department: 'SPJ', name: 'approval', description: '审批局 approval system' }),
    });
    expect(registered.status).toBe(201);
    const body = (await registered.json()) as { system: { id: string }; credential: SigningKey };
    spj = body.credential;
    spjSystemId = body.system.id;
  });

  afterAll(async () => {
    await hub?.close();
    await iso?.dispose();
  });

  it('lets a registered system in and tells it who it is', async () => {
    const response = await me(spj);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      department: 'SPJ',
      systemId: spjSystemId,
      systemName: 'approval',
      accessKeyId: spj.accessKeyId,
      admin: false,
    });
  });

  it('answers 401 missing-signature without an Authorization header, naming the scheme', async () => {
    const response = await fetch(`${hub.url}/v1/me`);
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('HUB-HMAC-SHA256');
    expect(await problemOf(response)).toMatchObject({ type: 'urn:hub:problem:missing-signature', status: 401 });
  });

  it('answers 401 malformed-signature for a header it cannot read', async () => {
    const response = await fetch(`${hub.url}/v1/me`, {
      headers: { authorization: 'HUB-HMAC-SHA256 Credential=x, Timestamp=1' },
    });
    expect(response.status).toBe(401);
    expect(await problemOf(response)).toMatchObject({ type: 'urn:hub:problem:malformed-signature' });
  });

  it('answers an unknown credential exactly as a bad signature', async () => {
    const unknown = await problemOf(await me({ accessKeyId: 'AKNOSUCHKEY', secret: spj.secret }));
    const wrongSecret = await problemOf(await me({ accessKeyId: spj.accessKeyId, secret: 'not-the-secret' }));
    expect(unknown.type).toBe('urn:hub:problem:bad-signature');
    expect(unknown).toEqual(wrongSecret);
  });

  it('refuses a tampered body, path or query as a bad signature', async () => {
    const body = JSON.stringify({ department: 'SPJ', name: 'tampered' });
    const tampered = await signedFetch(hub.url, '/v1/admin/systems', ADMIN, {
      body,
      sendBody: body.replace('tampered', 'tampere2'),
    });
    expect((await problemOf(tampered)).type).toBe('urn:hub:problem:bad-signature');
    const authorization = formatAuthorization({
      accessKeyId: spj.accessKeyId,
      timestamp: unixSeconds(),
      nonce: randomNonce(),
      signature: 'a'.repeat(64),
    });
    const forged = await fetch(`${hub.url}/v1/me?x=1`, { headers: { authorization } });
    expect((await problemOf(forged)).type).toBe('urn:hub:problem:bad-signature');
  });

  it('refuses a timestamp more than 300 s away, either way, and accepts one just within', async () => {
    // The hub reads its clock after the request was signed: a second may have begun in between, which brings a
    // timestamp in the future a second nearer (301 s ahead became 300 in one CI run) and one in the past further.
    // So the past is tried one second beyond the window, the future with room for a slow request.
    for (const offset of [-301, 310]) {
      const response = await me(spj, { timestamp: unixSeconds() + offset });
      expect(response.status).toBe(401);
      expect((await problemOf(response)).type).toBe('urn:hub:problem:stale-timestamp');
    }
    expect((await me(spj, { timestamp: unixSeconds() - 280 })).status).toBe(200);
  });

  it('refuses a replayed request, and remembers the nonce in PostgreSQL for every replica', async () => {
    const nonce = randomNonce();
    const timestamp = unixSeconds();
    expect((await me(spj, { nonce, timestamp })).status).toBe(200);
    const replay = await me(spj, { nonce, timestamp });
    expect(replay.status).toBe(401);
    expect((await problemOf(replay)).type).toBe('urn:hub:problem:replayed-nonce');
    const rows = await query(
      `SELECT expires_at > now() AS alive FROM gateway.request_nonce WHERE access_key_id = $1 AND nonce = $2`,
      [spj.accessKeyId, nonce],
    );
    expect(rows).toEqual([{ alive: true }]);
  });

  it('does not let a forged request use up a nonce', async () => {
    const nonce = randomNonce();
    const timestamp = unixSeconds();
    expect((await me({ accessKeyId: spj.accessKeyId, secret: 'forger' }, { nonce, timestamp })).status).toBe(401);
    expect((await me(spj, { nonce, timestamp })).status).toBe(200);
  });

  it('keeps secrets sealed at rest', async () => {
    const rows = await query<{ sealed: Buffer }>(
      `SELECT sealed_secret AS sealed FROM gateway.credential WHERE access_key_id = $1`,
      [spj.accessKeyId],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0].sealed.includes(Buffer.from(spj.secret))).toBe(false);
    expect(rows[0].sealed.length).toBeGreaterThan(spj.secret.length);
  });

  it('keeps the admin API to admin systems', async () => {
    const response = await signedFetch(hub.url, '/v1/admin/systems', spj);
    expect(response.status).toBe(403);
    expect(await problemOf(response)).toMatchObject({ type: 'urn:hub:problem:forbidden' });
  });

  it('lets only 信息化中心 systems be admins', async () => {
    const refused = await signedFetch(hub.url, '/v1/admin/systems', ADMIN, {
      body: JSON.stringify({ department: 'SPJ', name: 'sneaky', admin: true }),
    });
    expect(refused.status).toBe(400);
    expect((await problemOf(refused)).errors).toEqual([
      expect.objectContaining({ field: 'admin', rule: 'adminDepartment' }),
    ]);
    const ops = await signedFetch(hub.url, '/v1/admin/systems', ADMIN, {
      body: JSON.stringify({ department: 'XXHZX', name: 'ops-console', admin: true }),
    });
    expect(ops.status).toBe(201);
    const { credential } = (await ops.json()) as { credential: SigningKey };
    expect((await signedFetch(hub.url, '/v1/admin/departments', credential)).status).toBe(200);
  });

  it('validates admin requests and names every failing field', async () => {
    const response = await signedFetch(hub.url, '/v1/admin/systems', ADMIN, {
      body: JSON.stringify({ department: 'NOPE', name: 'Bad Name', extra: 1 }),
    });
    expect(response.status).toBe(400);
    const rules = (await problemOf(response)).errors!.map((e) => `${e.field}:${e.rule}`);
    expect(rules).toEqual(
      expect.arrayContaining(['department:isDepartmentCode', 'name:matches', 'extra:whitelistValidation']),
    );
  });

  it('refuses a second system of the same name in a department with 409', async () => {
    const again = await signedFetch(hub.url, '/v1/admin/systems', ADMIN, {
      body: JSON.stringify({ department: 'SPJ', name: 'approval' }),
    });
    expect(again.status).toBe(409);
  });

  it('lists departments from the seed with their system counts, and systems without secrets', async () => {
    const departments = (await (await signedFetch(hub.url, '/v1/admin/departments', ADMIN)).json()) as {
      code: string;
      systems: number;
    }[];
    expect(departments).toHaveLength(25);
    expect(departments.find((d) => d.code === 'SPJ')!.systems).toBe(1);
    const listed = await (await signedFetch(hub.url, '/v1/admin/systems?department=SPJ', ADMIN)).text();
    expect(listed).toContain(spj.accessKeyId);
    expect(listed).not.toContain(spj.secret);
  });

  it('rotates with an overlap: old and new both work until the old one expires', async () => {
    const registered = await signedFetch(hub.url, '/v1/admin/systems', ADMIN, {
      body: JSON.stringify({ department: 'SCJG', name: 'supervision' }),
    });
    const { system, credential: first } = (await registered.json()) as {
      system: { id: string };
      credential: SigningKey;
    };

    const rotated = await signedFetch(hub.url, `/v1/admin/systems/${system.id}/credentials`, ADMIN, {
      body: JSON.stringify({ overlapSeconds: 3600 }),
    });
    expect(rotated.status).toBe(201);
    const { credential: second, previous } = (await rotated.json()) as {
      credential: SigningKey;
      previous: { accessKeyId: string; status: string; expiresAt: string }[];
    };
    expect(previous).toEqual([expect.objectContaining({ accessKeyId: first.accessKeyId, status: 'expiring' })]);
    expect(Date.parse(previous[0].expiresAt) - Date.now()).toBeGreaterThan(3_000_000);
    expect((await me(first)).status).toBe(200);
    expect((await me(second)).status).toBe(200);

    const immediate = await signedFetch(hub.url, `/v1/admin/systems/${system.id}/credentials`, ADMIN, {
      body: JSON.stringify({ overlapSeconds: 0 }),
    });
    const { credential: third } = (await immediate.json()) as { credential: SigningKey };
    expect((await me(third)).status).toBe(200);
    for (const old of [first, second])
      expect((await problemOf(await me(old))).type).toBe('urn:hub:problem:bad-signature');

    const view = (await (await signedFetch(hub.url, `/v1/admin/systems/${system.id}`, ADMIN)).json()) as {
      credentials: { accessKeyId: string; status: string }[];
    };
    expect(view.credentials.map((c) => c.status)).toEqual(['expired', 'expired', 'active']);
  });

  it('revokes a credential at once', async () => {
    const registered = await signedFetch(hub.url, '/v1/admin/systems', ADMIN, {
      body: JSON.stringify({ department: 'YJJ', name: 'emergency' }),
    });
    const { credential } = (await registered.json()) as { credential: SigningKey };
    expect((await me(credential)).status).toBe(200);
    const revoked = await signedFetch(hub.url, `/v1/admin/credentials/${credential.accessKeyId}/revoke`, ADMIN, {
      method: 'POST',
    });
    expect(revoked.status).toBe(200);
    expect(await revoked.json()).toMatchObject({ accessKeyId: credential.accessKeyId, status: 'revoked' });
    expect((await problemOf(await me(credential))).type).toBe('urn:hub:problem:bad-signature');
    expect(
      (await signedFetch(hub.url, '/v1/admin/credentials/AKNOSUCH/revoke', ADMIN, { method: 'POST' })).status,
    ).toBe(404);
  });

  it('counts refusals per department and problem on /metrics', async () => {
    const metrics = await (await fetch(`${hub.url}/metrics`)).text();
    expect(metrics).toMatch(/hub_gateway_refusals_total\{[^}]*department="SPJ"[^}]*problem="replayed-nonce"[^}]*\} 1/);
    expect(metrics).toMatch(
      /hub_gateway_refusals_total\{[^}]*department="unknown"[^}]*problem="unknown-credential"[^}]*\} [1-9]/,
    );
    expect(metrics).toMatch(/hub_gateway_refusals_total\{[^}]*department="SPJ"[^}]*problem="forbidden"[^}]*\} 1/);
  });

  async function query<T = Record<string, unknown>>(sql: string, params: unknown[]): Promise<T[]> {
    const client = new Client({ connectionString: iso.databaseUrl });
    await client.connect();
    try {
      return (await client.query(sql, params)).rows as T[];
    } finally {
      await client.end();
    }
  }
});
