import { Client } from 'pg';
import { RunningHubApp, startHubApp } from '@hub/platform';
import { IsolatedEnv, eventually, isolatedEnv } from '@hub/testing';
import { SigningKey, signedFetch } from '../auth/signed-fetch';
import { gatewayApp } from '../gateway.app';
import { toGatewayEnv } from '../gateway.env';

const ADMIN: SigningKey = { accessKeyId: 'AKCACHEADMIN', secret: 'cache-admin-secret-0123456789abcdef' };

/**
 * The credential cache against the real PostgreSQL: it is kept only while the replica hears the credentials channel.
 * A secret spoiled behind the hub's back (an UPDATE without the announcement the hub makes) shows which way a look-up
 * went: refused when the credential was looked up again (it cannot be unsealed), let in when the cached copy was
 * used. A revocation behind its back is refused either way: the nonce's statement checks the credential is active.
 */
describe('the credential cache', () => {
  let iso: IsolatedEnv;
  let hub: RunningHubApp;
  let sql: Client;

  const me = (key: SigningKey) => signedFetch(hub.url, '/v1/me', key);
  const register = async (name: string): Promise<SigningKey> => {
    const registered = await signedFetch(hub.url, '/v1/admin/systems', ADMIN, {
      body: JSON.stringify({ department: 'YJJ', name }),
    });
    expect(registered.status).toBe(201);
    return ((await registered.json()) as { credential: SigningKey }).credential;
  };
  /** Revokes in the table alone: no announcement, as if by a replica that could not send one. */
  const revokeSilently = (key: SigningKey) =>
    sql.query('UPDATE gateway.credential SET revoked_at = now() WHERE access_key_id = $1', [key.accessKeyId]);
  /** Spoils the sealed secret in the table alone: a fresh look-up can no longer unseal it. */
  const spoilSilently = (key: SigningKey) =>
    sql.query(`UPDATE gateway.credential SET sealed_secret = '\\x00' WHERE access_key_id = $1`, [key.accessKeyId]);
  const listeners = async () =>
    (
      await sql.query<{ pid: number }>(
        "SELECT pid FROM pg_stat_activity WHERE application_name = 'gateway-credentials' AND query ILIKE 'LISTEN%'",
      )
    ).rows;

  beforeAll(async () => {
    iso = await isolatedEnv();
    hub = await startHubApp(
      gatewayApp,
      toGatewayEnv(iso.env, {
        HUB_ADMIN_ACCESS_KEY_ID: ADMIN.accessKeyId,
        HUB_ADMIN_SECRET: ADMIN.secret,
        GATEWAY_CREDENTIAL_CACHE_MS: '600000',
      }),
    );
    sql = new Client({ connectionString: iso.databaseUrl });
    await sql.connect();
    await eventually(async () => expect(await listeners()).toHaveLength(1));
  });

  afterAll(async () => {
    await sql?.end();
    await hub?.close();
    await iso?.dispose();
  });

  it('keeps a looked-up credential while it listens, and drops it when its change is announced', async () => {
    const cached = await register('cached');
    expect((await me(cached)).status).toBe(200);
    await spoilSilently(cached);
    // Not announced: the replica's copy still serves (the window the announcement closes).
    expect((await me(cached)).status).toBe(200);
    await sql.query(`SELECT pg_notify('gateway_credentials', $1)`, [cached.accessKeyId]);
    await eventually(async () => expect((await me(cached)).status).toBe(401));
  });

  it("refuses a credential revoked behind the replica's back from the next request, whatever its copy says", async () => {
    const key = await register('revoked-silently');
    expect((await me(key)).status).toBe(200);
    await revokeSilently(key);
    expect((await me(key)).status).toBe(401);
  });

  it('announces a revocation on the credentials channel when it commits', async () => {
    const key = await register('revoked');
    const heard: string[] = [];
    const listener = new Client({ connectionString: iso.databaseUrl });
    await listener.connect();
    try {
      listener.on('notification', (message) => heard.push(message.payload ?? ''));
      await listener.query('LISTEN gateway_credentials');
      const revoked = await signedFetch(hub.url, `/v1/admin/credentials/${key.accessKeyId}/revoke`, ADMIN, {
        method: 'POST',
      });
      expect(revoked.status).toBe(200);
      await eventually(() => expect(heard).toContain(key.accessKeyId));
    } finally {
      await listener.end();
    }
  });

  it('caches nothing while the channel is lost, and starts afresh when it is back', async () => {
    const key = await register('lost-channel');
    expect((await me(key)).status).toBe(200);
    const [listener] = await listeners();
    await sql.query('SELECT pg_terminate_backend($1)', [listener!.pid]);
    // The session is gone, and with it the copy: a change it could not hear is seen by the next look-up.
    await spoilSilently(key);
    await eventually(async () => expect((await me(key)).status).toBe(401));

    await eventually(async () => expect(await listeners()).toHaveLength(1), { timeoutMs: 30_000 });
    let attempt = 0;
    await eventually(async () => {
      const after = await register(`after-reconnect-${(attempt += 1)}`);
      expect((await me(after)).status).toBe(200);
      await spoilSilently(after);
      // Cached again once listening: the spoiled secret is not seen.
      expect((await me(after)).status).toBe(200);
    });
  });
});
