import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { RunningHubApp, startHubApp } from '@hub/platform';
import { IsolatedEnv, isolatedEnv } from '@hub/testing';
import { DemoCredential, seedDemoCredentials } from '../../../../tools/seed-demo';
import { signedFetch } from '../auth/signed-fetch';
import { gatewayApp } from '../gateway.app';
import { toGatewayEnv } from '../gateway.env';

const ADMIN = { accessKeyId: 'AKDEMOADMIN', secret: 'demo-admin-secret-0123456789abcdef' };

/** What `npm start` does for the demo systems' credentials, against the real gateway. */
describe('demo credentials', () => {
  let iso: IsolatedEnv;
  let hub: RunningHubApp;
  let dir: string;
  let file: string;

  const read = (): DemoCredential[] =>
    (JSON.parse(readFileSync(file, 'utf8')) as { credentials: DemoCredential[] }).credentials;
  const whoIs = async (c: DemoCredential) => {
    const response = await signedFetch(hub.url, '/v1/me', c);
    return response.status === 200
      ? ((await response.json()) as { department: string; systemName: string; admin: boolean })
      : response.status;
  };

  beforeAll(async () => {
    iso = await isolatedEnv();
    hub = await startHubApp(
      gatewayApp,
      toGatewayEnv(iso.env, { HUB_ADMIN_ACCESS_KEY_ID: ADMIN.accessKeyId, HUB_ADMIN_SECRET: ADMIN.secret }),
    );
    dir = mkdtempSync(path.join(tmpdir(), 'hub-demo-'));
    file = path.join(dir, 'demo-credentials.json');
  });

  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await hub?.close();
    await iso?.dispose();
  });

  it('registers the demo systems and writes working credentials, readable by the owner only', async () => {
    await seedDemoCredentials(hub.url, ADMIN, file);
    expect(statSync(file).mode & 0o077).toBe(0);
    const credentials = read();
    expect(credentials.map((c) => `${c.department}/${c.system}`)).toEqual([
      'XXHZX/hub-admin',
      'SPJ/approval',
      'SCJG/supervision',
      'YJJ/inspection',
    ]);
    for (const c of credentials) {
      expect(await whoIs(c)).toEqual(
        expect.objectContaining({ department: c.department, systemName: c.system, admin: c.admin }),
      );
      expect(c.source).toBe(`/departments/${c.department}/systems/${c.system}`);
    }
  });

  it('keeps working credentials on a restart and replaces a lost one', async () => {
    const before = read();
    await seedDemoCredentials(hub.url, ADMIN, file);
    expect(read()).toEqual(before);

    const lost = before.map((c) => (c.department === 'SCJG' ? { ...c, secret: 'forgotten' } : c));
    writeFileSync(file, JSON.stringify({ credentials: lost }));
    await seedDemoCredentials(hub.url, ADMIN, file);
    const after = read();
    const scjg = after.find((c) => c.department === 'SCJG')!;
    expect(scjg.accessKeyId).not.toBe(before.find((c) => c.department === 'SCJG')!.accessKeyId);
    expect(await whoIs(scjg)).toEqual(expect.objectContaining({ department: 'SCJG' }));
    expect(after.find((c) => c.department === 'SPJ')).toEqual(before.find((c) => c.department === 'SPJ'));
    // The replaced credential stopped at once.
    expect(await whoIs(before.find((c) => c.department === 'SCJG')!)).toBe(401);
  });
});

describe('demo credentials when HUB_SECRET_KEY changes', () => {
  it('reseals the bootstrap admin from the configuration and replaces the demo credentials it can no longer open', async () => {
    const iso = await isolatedEnv();
    const dir = mkdtempSync(path.join(tmpdir(), 'hub-demo-'));
    const file = path.join(dir, 'demo-credentials.json');
    const boot = (key: Buffer) =>
      startHubApp(
        gatewayApp,
        toGatewayEnv(iso.env, {
          ...adminVariables(),
          HUB_SECRET_KEY: key.toString('base64'),
          GATEWAY_CREDENTIAL_CACHE_MS: '0',
        }),
      );
    try {
      const first = await boot(Buffer.alloc(32, 1));
      await seedDemoCredentials(first.url, ADMIN, file);
      const before = (JSON.parse(readFileSync(file, 'utf8')) as { credentials: DemoCredential[] }).credentials;
      await first.close();

      const second = await boot(Buffer.alloc(32, 2));
      try {
        const spj = before.find((c) => c.department === 'SPJ')!;
        expect((await signedFetch(second.url, '/v1/me', spj)).status).toBe(401);
        expect((await signedFetch(second.url, '/v1/me', ADMIN)).status).toBe(200);
        await seedDemoCredentials(second.url, ADMIN, file);
        const after = (JSON.parse(readFileSync(file, 'utf8')) as { credentials: DemoCredential[] }).credentials;
        for (const c of after) expect((await signedFetch(second.url, '/v1/me', c)).status).toBe(200);
        expect(after.find((c) => c.department === 'SPJ')!.accessKeyId).not.toBe(spj.accessKeyId);
      } finally {
        await second.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
      await iso.dispose();
    }
  });
});

function adminVariables(): Record<string, string> {
  return { HUB_ADMIN_ACCESS_KEY_ID: ADMIN.accessKeyId, HUB_ADMIN_SECRET: ADMIN.secret };
}
