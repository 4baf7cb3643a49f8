import { spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import { AddressInfo } from 'node:net';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { EnterpriseRegisteredV1 } from '@hub/contracts';
import { demoEnterprises, enterpriseRegisteredEvent } from '@hub/demo';
import {
  AppProcess,
  IsolatedEnv,
  eventually,
  hubProcessEnv,
  isolatedEnv,
  processEnv,
  readTopic,
  startAppProcess,
} from '@hub/testing';
import { HubClient } from '@hub/sdk';
import { seedDemoCredentials, seedDemoPeople } from '../../tools/seed-demo';

const ROOT = path.resolve(__dirname, '..', '..');
const CLI = path.join(ROOT, 'dist', 'tools', 'hub-cli.js');
const ADMIN = { accessKeyId: 'AKCLITESTADMIN', secret: `cli-admin-${randomBytes(16).toString('hex')}` };

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** The `hub` CLI as a person runs it: the built binary in its own process (no tsconfig-paths preloaded), real gateway. */
describe('hub CLI', () => {
  let iso: IsolatedEnv;
  let gateway: AppProcess;
  let supervision: AppProcess;
  let dir: string;
  let credentialsFile: string;

  beforeAll(async () => {
    iso = await isolatedEnv();
    const envOf = await hubProcessEnv(
      processEnv(iso, { HUB_ADMIN_ACCESS_KEY_ID: ADMIN.accessKeyId, HUB_ADMIN_SECRET: ADMIN.secret }),
    );
    gateway = await startAppProcess('gateway', envOf('gateway'));
    supervision = await startAppProcess('supervision', envOf('supervision'));
    dir = mkdtempSync(path.join(tmpdir(), 'hub-cli-'));
    credentialsFile = path.join(dir, 'demo-credentials.json');
    // The file `npm start` writes, made the same way.
    await seedDemoCredentials(gateway.url, ADMIN, credentialsFile);
  });

  it('creates the demo people `npm start` makes, who can sign in, and keeps their passwords on a second start', async () => {
    const people = await seedDemoPeople(gateway.url, ADMIN, credentialsFile);
    expect(people.map((p) => p.username)).toContain('scjg-supervisor');
    const again = await seedDemoPeople(gateway.url, ADMIN, credentialsFile);
    expect(again).toEqual(people);
    const supervisor = people.find((p) => p.username === 'scjg-supervisor')!;
    const login = await fetch(`${gateway.url}/v1/people/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: supervisor.username, password: supervisor.password }),
    });
    expect(login.status).toBe(201);
    expect(((await login.json()) as { person: { roles: string[] } }).person.roles).toEqual(['supervisor']);
  });

  afterAll(async () => {
    await gateway?.stop();
    await supervision?.stop();
    await iso?.dispose();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  // Only what a shell would have: no jest variables, no path aliases preloaded.
  const shellEnv = (extra: Record<string, string> = {}) => ({
    PATH: process.env.PATH ?? '',
    HUB_URL: gateway.url,
    HUB_CREDENTIALS_FILE: credentialsFile,
    ...extra,
  });
  const hub = (args: string[], options: { input?: string; env?: Record<string, string> } = {}): Run => {
    const result = spawnSync(process.execPath, [CLI, ...args], {
      cwd: dir,
      input: options.input ?? '',
      encoding: 'utf8',
      env: shellEnv(options.env),
      timeout: 120_000,
    });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
  };
  /** For commands that wait on the hub while this process must keep serving (a webhook receiver). */
  const hubAsync = (args: string[]): Promise<Run> =>
    new Promise((resolve) => {
      const child = spawn(process.execPath, [CLI, ...args], { cwd: dir, env: shellEnv() });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
      child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
      child.on('exit', (status) => resolve({ status, stdout, stderr }));
    });
  const approvalEvent = (n: number) => ({
    ...enterpriseRegisteredEvent(demoEnterprises(1, 950_000 + n)[0]!, randomUUID()),
    source: '/departments/SPJ/systems/approval',
  });
  const file = (name: string, content: unknown): string => {
    const target = path.join(dir, name);
    writeFileSync(target, JSON.stringify(content));
    return target;
  };

  it('publishes an event from a file, signed with the demo credential of the system the event names', async () => {
    const event = approvalEvent(1);
    const run = hub(['publish', file('event.json', event)]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ id: event.id, source: event.source, duplicate: false });
    const topic = `${iso.topicPrefix}${EnterpriseRegisteredV1.topic}`;
    const seen = await readTopic(iso.brokers, topic, (m) => m.some((x) => x.headers['ce_id'] === event.id));
    expect(seen.filter((x) => x.headers['ce_id'] === event.id)).toHaveLength(1);
  });

  it('says what became of an event, exiting 0 once every consumer is past it, and lists dead letters', async () => {
    const event = approvalEvent(40);
    expect(hub(['publish', file('status.json', event)]).status).toBe(0);
    const run = await eventually(async () => {
      const current = hub(['status', event.id, '--department', 'SPJ']);
      expect(current.status).toBe(0);
      return current;
    });
    expect(JSON.parse(run.stdout)).toMatchObject({ id: event.id, state: 'relayed', deadLetters: [] });
    const unknown = hub(['status', 'no-such-event', '--department', 'SPJ']);
    expect(unknown.status).toBe(1);
    expect(JSON.parse(unknown.stderr)).toMatchObject({ status: 404 });
    const letters = hub([
      'dead-letters',
      '--department',
      'SPJ',
      '--since',
      new Date(Date.now() - 60_000).toISOString(),
    ]);
    expect(letters.status).toBe(0);
    expect(JSON.parse(letters.stdout)).toEqual([]);
  });

  it('publishes from stdin in binary mode, and answers a duplicate with the original receipt', () => {
    const event = approvalEvent(2);
    const first = hub(['publish', '-', '--binary'], { input: JSON.stringify(event) });
    expect(first.status).toBe(0);
    const again = hub(['publish', file('again.json', event)]);
    expect(again.status).toBe(0);
    expect(JSON.parse(again.stdout)).toEqual({ ...JSON.parse(first.stdout), duplicate: true });
  });

  it('publishes a JSON array as a batch and shows each outcome, exiting 1 when one is refused', () => {
    const good = approvalEvent(3);
    const bad = { ...approvalEvent(4), subject: 'not-the-key' };
    const run = hub(['publish', file('batch.json', [good, bad])]);
    expect(run.status).toBe(1);
    const answer = JSON.parse(run.stdout) as { status: number; results: { ok: boolean }[] };
    expect(answer.status).toBe(207);
    expect(answer.results.map((r) => r.ok)).toEqual([true, false]);
  });

  it('prints the problem details of a refusal and exits 1', () => {
    const event = { ...approvalEvent(5), data: { ...approvalEvent(5).data, establishedOn: 'yesterday' } };
    const run = hub(['publish', file('bad.json', event)]);
    expect(run.status).toBe(1);
    const problem = JSON.parse(run.stderr) as { status: number; errors: { field: string }[] };
    expect(problem.status).toBe(400);
    expect(problem.errors).toContainEqual(expect.objectContaining({ field: 'data.establishedOn' }));
  });

  it('picks a department with --department, and takes credentials from the environment', () => {
    const scjg = hub(['me', '--department', 'SCJG']);
    expect(scjg.status).toBe(0);
    expect(JSON.parse(scjg.stdout)).toMatchObject({ department: 'SCJG' });
    const fromEnv = hub(['me'], {
      env: { HUB_ACCESS_KEY_ID: ADMIN.accessKeyId, HUB_SECRET: ADMIN.secret, HUB_CREDENTIALS_FILE: '' },
    });
    expect(fromEnv.status).toBe(0);
    expect(JSON.parse(fromEnv.stdout)).toMatchObject({ department: 'XXHZX' });
  });

  it('says what is missing when it has no credentials, and refuses a wrong secret', () => {
    const none = hub(['me'], { env: { HUB_CREDENTIALS_FILE: '' } });
    expect(none.status).toBe(2);
    expect(none.stderr).toMatch(/no credentials/);
    const wrong = hub(['me', '--key', ADMIN.accessKeyId, '--secret', 'wrong-secret-wrong-secret']);
    expect(wrong.status).toBe(1);
    expect(JSON.parse(wrong.stderr)).toMatchObject({ status: 401 });
  });

  it('lists the event catalogue without credentials', () => {
    const run = hub(['types'], { env: { HUB_CREDENTIALS_FILE: '' } });
    expect(run.status).toBe(0);
    expect((JSON.parse(run.stdout) as { type: string }[]).map((t) => t.type)).toContain(EnterpriseRegisteredV1.type);
  });

  describe('receiving', () => {
    beforeAll(async () => {
      const admin = new HubClient({ url: gateway.url, ...ADMIN });
      await admin.request('PUT', `/v1/admin/entitlements/SCJG/${EnterpriseRegisteredV1.type}`);
    });

    it('subscribes to the egress topic, then tails it and sees the event', async () => {
      const subscribed = hub(['subscribe', '--department', 'SCJG', '--types', EnterpriseRegisteredV1.type, '--egress']);
      expect(subscribed.stderr).toBe('');
      expect(subscribed.status).toBe(0);
      expect(JSON.parse(subscribed.stdout)).toMatchObject({ department: 'SCJG', mode: 'egress', status: 'active' });
      const event = approvalEvent(10);
      expect(hub(['publish', file('egress.json', event)]).status).toBe(0);
      const tail = await hubAsync([
        'tail',
        '--department',
        'SCJG',
        '--egress',
        '--from-beginning',
        '--count',
        '1',
        '--timeout',
        '90',
        '--brokers',
        iso.brokers.join(','),
        '--topic-prefix',
        iso.topicPrefix,
      ]);
      expect(tail.status).toBe(0);
      const [line] = tail.stdout.trim().split('\n');
      expect(JSON.parse(line!)).toMatchObject({
        event: { id: event.id, type: EnterpriseRegisteredV1.type, source: event.source },
      });
    });

    it('subscribes a webhook, then tails its deliveries', async () => {
      const hits: string[] = [];
      const receiver = createServer((req, res) => {
        let body = '';
        req.on('data', (c: Buffer) => (body += c.toString()));
        req.on('end', () => {
          hits.push(body);
          res.writeHead(204).end();
        });
      });
      await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
      try {
        const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
        const subscribed = hub([
          'subscribe',
          '--department',
          'SCJG',
          '--types',
          EnterpriseRegisteredV1.type,
          '--webhook',
          url,
        ]);
        expect(subscribed.status).toBe(0);
        const subscription = JSON.parse(subscribed.stdout) as { id: string; webhookSecret: string };
        expect(subscription.webhookSecret).toEqual(expect.any(String));
        const event = approvalEvent(11);
        expect(hub(['publish', file('webhook.json', event)]).status).toBe(0);
        const tail = await hubAsync([
          'tail',
          '--department',
          'SCJG',
          '--deliveries',
          subscription.id,
          '--status',
          'delivered',
          '--count',
          '1',
          '--timeout',
          '90',
          '--interval',
          '1',
        ]);
        expect(tail.status).toBe(0);
        expect(JSON.parse(tail.stdout.trim().split('\n')[0]!)).toMatchObject({
          status: 'delivered',
          event: { id: event.id },
        });
        expect(hits.some((h) => h.includes(event.id))).toBe(true);
      } finally {
        await new Promise<void>((resolve) => receiver.close(() => resolve()));
      }
    });

    it('refuses a subscription without a delivery mode', () => {
      const run = hub(['subscribe', '--department', 'SCJG', '--types', EnterpriseRegisteredV1.type]);
      expect(run.status).toBe(2);
      expect(run.stderr).toMatch(/exactly one of --webhook URL and --egress/);
    });
  });

  it("calls a domain app's API through the gateway with the department's credential", async () => {
    const ledger = hub(['call', 'GET', '/v1/supervision/ledgers/SCJG', '--department', 'SCJG']);
    expect(ledger.stderr).toBe('');
    expect(ledger.status).toBe(0);
    expect(JSON.parse(ledger.stdout)).toMatchObject({ unclaimed: [], claimedNotSupervised: [] });
    const refused = hub(['call', 'GET', '/v1/supervision/ledgers/YJJ', '--department', 'SCJG']);
    expect(refused.status).toBe(1);
    expect(JSON.parse(refused.stderr)).toMatchObject({ status: 403 });
  });
});
