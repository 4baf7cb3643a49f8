import { createServer, Server, Socket } from 'node:net';
import { gatewayApp } from '../../apps/gateway/src/gateway.app';
import { toGatewayEnv } from '../../apps/gateway/src/gateway.env';
import { supervisionApp } from '../../apps/supervision/src/supervision.app';
import { RunningHubApp, startHubApp } from '@hub/platform';
import { IsolatedEnv, freePort, isolatedEnv, signedCall } from '@hub/testing';

interface Problem {
  type: string;
  status: number;
  detail: string;
  errors?: { field: string; rule: string }[];
}

/**
 * The gateway's door against a real domain app, both in-process on the real broker and database: a department
 * system's signed call reaches the supervision app with the edge's assertion, and the app's answer comes back.
 */
describe('the door: /v1/<app>/… through the gateway', () => {
  let iso: IsolatedEnv;
  let gateway: RunningHubApp;
  let supervision: RunningHubApp;
  let silent: Server;
  const sockets: Socket[] = [];
  const admin = { accessKeyId: 'AKDOORADMIN', secret: 'door-admin-secret-0123456789abcdef' };
  let scjg: { accessKeyId: string; secret: string };

  beforeAll(async () => {
    iso = await isolatedEnv();
    supervision = await startHubApp(supervisionApp, iso.env);
    // Takes connections and never answers: the upstream time-out.
    silent = createServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const silentPort = (silent.address() as { port: number }).port;
    gateway = await startHubApp(
      gatewayApp,
      toGatewayEnv(iso.env, {
        HUB_ADMIN_ACCESS_KEY_ID: admin.accessKeyId,
        HUB_ADMIN_SECRET: admin.secret,
        SUPERVISION_URL: supervision.url,
        APPROVAL_URL: `http://127.0.0.1:${silentPort}`,
        CONSOLE_URL: `http://127.0.0.1:${await freePort()}`,
        GATEWAY_UPSTREAM_TIMEOUT_MS: '500',
      }),
    );
    const system = await signedCall<{ credential: typeof scjg }>(gateway.url, admin, 'POST', '/v1/admin/systems', {
      department: 'SCJG',
      name: 'case-handling',
    });
    expect(system.status).toBe(201);
    scjg = system.body.credential;
  });

  afterAll(async () => {
    for (const socket of sockets) socket.destroy();
    silent?.close();
    await gateway?.close();
    await supervision?.close();
    await iso?.dispose();
  });

  it("forwards a signed call to the app's own path, query and all, and streams its answer back", async () => {
    const ledger = await signedCall<{ unclaimed: unknown[] }>(
      gateway.url,
      scjg,
      'GET',
      '/v1/supervision/ledgers/SCJG?asOf=2026-12-01T00:00:00Z',
    );
    expect(ledger.status).toBe(200);
    expect(ledger.contentType).toMatch(/^application\/json/);
    expect(ledger.body.unclaimed).toEqual([]);
    // The query reaches the app: one it refuses comes back refused, naming the field.
    const badQuery = await signedCall<Problem>(gateway.url, scjg, 'GET', '/v1/supervision/ledgers/SCJG?asOf=yesterday');
    expect(badQuery.status).toBe(400);
    expect(badQuery.body.errors).toContainEqual(expect.objectContaining({ field: 'asOf' }));
  });

  it('acts as the department its credential names: the app refuses it another department’s ledger (403)', async () => {
    const other = await signedCall<Problem>(gateway.url, scjg, 'GET', '/v1/supervision/ledgers/YJJ');
    expect(other.status).toBe(403);
    expect(other.contentType).toMatch(/^application\/problem\+json/);
  });

  it("passes the app's problem details through, field and rule", async () => {
    const invalid = await signedCall<Problem>(gateway.url, scjg, 'POST', '/v1/supervision/claims', {
      approvalId: '',
      actor: 'SCJG-1',
    });
    expect(invalid.status).toBe(400);
    expect(invalid.contentType).toMatch(/^application\/problem\+json/);
    expect(invalid.body.errors).toContainEqual(expect.objectContaining({ field: 'approvalId' }));
  });

  it('refuses an unsigned call at the gateway, before any app sees it', async () => {
    const unsigned = await signedCall<Problem>(gateway.url, null, 'GET', '/v1/supervision/ledgers/SCJG');
    expect(unsigned.status).toBe(401);
    expect(unsigned.body.type).toBe('urn:hub:problem:missing-signature');
  });

  it('answers 401 at the app for a call that did not come through the gateway', async () => {
    const straight = await signedCall<Problem>(supervision.url, scjg, 'GET', '/v1/ledgers/SCJG');
    expect(straight.status).toBe(401);
    expect(straight.body.errors).toEqual([expect.objectContaining({ field: 'hub-assertion', rule: 'present' })]);
  });

  it('answers 502 when the app cannot be reached and 504 when it does not answer', async () => {
    const unreachable = await signedCall<Problem>(gateway.url, scjg, 'GET', '/v1/console/dead-letters');
    expect(unreachable.status).toBe(502);
    expect(unreachable.body.type).toBe('urn:hub:problem:upstream-unavailable');
    const silentApp = await signedCall<Problem>(gateway.url, scjg, 'GET', '/v1/approval/coordination/queue');
    expect(silentApp.status).toBe(504);
    expect(silentApp.body.type).toBe('urn:hub:problem:upstream-timeout');
  });

  it('lists every forwarded route in the OpenAPI document, signed', async () => {
    const document = (await (await fetch(`${gateway.url}/docs/openapi.json`)).json()) as {
      paths: Record<string, Record<string, { security?: unknown[] }>>;
    };
    expect(document.paths['/v1/supervision/claims']?.post?.security).toEqual([
      { HubHmacSha256: [] },
      { HubSession: [] },
    ]);
    expect(Object.keys(document.paths['/v1/approval/approvals/{approvalId}/timeline'] ?? {})).toEqual(['get']);
    expect(document.paths['/v1/console/dead-letters/{id}/replay']?.post).toBeDefined();
  });
});
