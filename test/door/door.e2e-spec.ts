import { randomBytes } from 'node:crypto';
import http from 'node:http';
import { randomNonce, signRequest, unixSeconds } from '@hub/auth';
import { demoUscc } from '@hub/demo';
import {
  AppProcess,
  DepartmentSystems,
  IsolatedEnv,
  assertedCall,
  hubProcessEnv,
  isolatedEnv,
  processEnv,
  signedCall,
  startAppProcess,
} from '@hub/testing';

const ADMIN = { accessKeyId: 'AKE2EDOORADMIN', secret: 'e2e-door-admin-secret-0123456789' };

interface Problem {
  type: string;
  status: number;
  errors?: { field: string; rule: string }[];
}

/** A GET of the path exactly as written, `..` and all. */
function rawGet(base: string, path: string): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    http
      .get({ hostname, port, path }, (answer) => {
        let body = '';
        answer.setEncoding('utf8');
        answer.on('data', (chunk: string) => (body += chunk));
        answer.on('end', () => resolve({ status: answer.statusCode ?? 0, body }));
      })
      .on('error', reject);
  });
}

/**
 * One door, end to end: two gateway replicas and the supervision app as processes on the real broker and one
 * database. A department system reaches the app only through a gateway, with the credential the gateway issued;
 * the app itself takes nothing without the edge's assertion for it.
 */
describe('one door for department systems', () => {
  let iso: IsolatedEnv;
  const apps: AppProcess[] = [];
  let gateway: AppProcess;
  let replica: AppProcess;
  let supervision: AppProcess;
  let approval: AppProcess;
  let systems: DepartmentSystems;

  beforeAll(async () => {
    iso = await isolatedEnv();
    const envOf = await hubProcessEnv(
      processEnv(iso, { HUB_ADMIN_ACCESS_KEY_ID: ADMIN.accessKeyId, HUB_ADMIN_SECRET: ADMIN.secret }),
    );
    supervision = await startAppProcess('supervision', envOf('supervision'));
    approval = await startAppProcess('approval', envOf('approval'));
    gateway = await startAppProcess('gateway', { ...envOf('gateway'), INSTANCE_ID: 'gateway-a' });
    replica = await startAppProcess('gateway', { ...envOf('gateway'), INSTANCE_ID: 'gateway-b' });
    apps.push(supervision, approval, gateway, replica);
    systems = new DepartmentSystems(gateway.url, ADMIN);
  });

  afterAll(async () => {
    for (const app of apps) await app.stop();
    await iso?.dispose();
  });

  it('lets a department system claim through the gateway with its gateway credential', async () => {
    const approvalId = `SP-DOOR-${randomBytes(3).toString('hex').toUpperCase()}`;
    const claim = await systems.call<{ state: string; department: string }>(
      'supervision',
      'SCJG',
      'POST',
      '/v1/claims',
      {
        approvalId,
        uscc: demoUscc(777_001),
        actor: 'SCJG-0042',
      },
    );
    // The push has not come: the app holds the claim for it (202), as SCJG's.
    expect(claim.status).toBe(202);
    expect(claim.body).toMatchObject({ state: 'held', department: 'SCJG' });
    const ledger = await systems.call<{ held: { approvalId: string }[] }>(
      'supervision',
      'SCJG',
      'GET',
      '/v1/ledgers/SCJG',
    );
    expect(ledger.body.held.map((p) => p.approvalId)).toContain(approvalId);
  });

  it('refuses a call straight to the app: without an assertion, and with one for another app', async () => {
    const scjg = await systems.credential('SCJG');
    const signed = await signedCall<Problem>(supervision.url, scjg, 'GET', '/v1/ledgers/SCJG');
    expect(signed.status).toBe(401);
    expect(signed.body.errors).toEqual([expect.objectContaining({ field: 'hub-assertion', rule: 'present' })]);
    const forApproval = await assertedCall<Problem>(
      supervision.url,
      iso.edgeKeys.privateKey,
      { audience: 'approval', department: 'SCJG' },
      'GET',
      '/v1/ledgers/SCJG',
    );
    expect(forApproval.status).toBe(401);
    expect(forApproval.body.errors).toEqual([expect.objectContaining({ field: 'hub-assertion', rule: 'audience' })]);
  });

  it("lets anyone read what an app publishes, and opens nothing else to the public's assertion", async () => {
    const published = await fetch(`${gateway.url}/v1/approval/public/matters`);
    expect(published.status).toBe(200);
    const matters = (await published.json()) as { matterCode: string; departments: string[]; changedBy?: string }[];
    expect(matters).toContainEqual(expect.objectContaining({ matterCode: 'SPJ-SPJY-001', departments: ['SCJG'] }));
    expect(matters.every((m) => m.changedBy === undefined)).toBe(true);
    // A path that climbs out of public/ (sent as is: fetch would resolve it) reaches the app as the public, and the
    // route it lands on does not take the public.
    for (const path of ['/v1/approval/public/../matters', '/v1/approval/public/%2e%2e/matters']) {
      const climbed = await rawGet(gateway.url, path);
      expect(climbed.status).toBe(403);
      expect((JSON.parse(climbed.body) as Problem).errors).toEqual([
        expect.objectContaining({ field: 'hub-assertion', rule: 'allowPublic' }),
      ]);
    }
    // The app's public route still wants the edge's assertion: straight to its port is 401.
    const straight = await fetch(`${approval.url}/v1/public/matters`);
    expect(straight.status).toBe(401);
  });

  it('refuses a signed request replayed to the other replica', async () => {
    const scjg = await systems.credential('SCJG');
    const authorization = signRequest({
      ...scjg,
      method: 'GET',
      path: '/v1/supervision/ledgers/SCJG',
      query: '',
      body: '',
      timestamp: unixSeconds(),
      nonce: randomNonce(),
    });
    const send = (url: string) => fetch(`${url}/v1/supervision/ledgers/SCJG`, { headers: { authorization } });
    expect((await send(gateway.url)).status).toBe(200);
    const replayed = await send(replica.url);
    expect(replayed.status).toBe(401);
    expect(((await replayed.json()) as Problem).type).toBe('urn:hub:problem:replayed-nonce');
    expect((await send(gateway.url)).status).toBe(401);
  });

  it('refuses a revoked credential from the next call, at every replica', async () => {
    const yjj = await systems.credential('YJJ');
    const ledger = (url: string) => signedCall<Problem>(url, yjj, 'GET', '/v1/supervision/ledgers/YJJ');
    expect((await ledger(gateway.url)).status).toBe(200);
    expect((await ledger(replica.url)).status).toBe(200);
    const revoked = await signedCall(gateway.url, ADMIN, 'POST', `/v1/admin/credentials/${yjj.accessKeyId}/revoke`);
    expect(revoked.status).toBe(200);
    const next = await ledger(gateway.url);
    expect(next.status).toBe(401);
    expect(next.body.type).toBe('urn:hub:problem:bad-signature');
    // The other replica looked it up a moment ago and kept it (GATEWAY_CREDENTIAL_CACHE_MS): the revocation's
    // announcement on the credentials channel dropped its copy.
    expect((await ledger(replica.url)).status).toBe(401);
  });
});
