import { randomUUID } from 'node:crypto';
import { AddressInfo, Server, Socket, connect, createServer } from 'node:net';
import { Client } from 'pg';
import { CloudEvent, EnterpriseRegisteredV1 } from '@hub/contracts';
import { demoEnterprises, enterpriseRegisteredEvent } from '@hub/demo';
import { RunningHubApp, startHubApp } from '@hub/platform';
import { IsolatedEnv, ReadMessage, eventually, isolatedEnv, readTopic } from '@hub/testing';
import { SigningKey, signedFetch } from '../auth/signed-fetch';
import { gatewayApp } from '../gateway.app';
import { toGatewayEnv } from '../gateway.env';
import type { Receipt } from './intake.service';

const ADMIN: SigningKey = { accessKeyId: 'AKBURSTADMIN', secret: 'burst-admin-secret-0123456789abcdef' };
const SINGLES = 240;
const BATCHES = 16;
const BATCH_SIZE = 10;
const CLIENTS = 6;

/**
 * A TCP proxy between the gateway and PostgreSQL that the test can cut: every open connection dropped and new ones
 * refused, as when the database server goes away, then restored on the same port.
 */
class CuttableProxy {
  private server?: Server;
  private readonly sockets = new Set<Socket>();
  port = 0;

  constructor(
    private readonly host: string,
    private readonly targetPort: number,
  ) {}

  async open(): Promise<void> {
    const server = createServer((client) => {
      const upstream = connect(this.targetPort, this.host);
      for (const socket of [client, upstream]) {
        this.sockets.add(socket);
        socket.on('close', () => this.sockets.delete(socket));
        socket.on('error', () => undefined);
      }
      client.pipe(upstream).pipe(client);
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
    });
    await new Promise<void>((resolve) => server.listen(this.port, '127.0.0.1', resolve));
    this.port = (server.address() as AddressInfo).port;
    this.server = server;
  }

  async cut(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    const closed = new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    for (const socket of this.sockets) socket.destroy();
    await closed;
  }
}

/**
 * The resilience case: PostgreSQL becomes unreachable during a burst of publishing (singles and batches
 * from several clients). Every request must end in 202 or in an answer the client can retry (503, or no answer at
 * all), and once it is back every event must be on Kafka, accepted exactly once.
 */
describe('HTTP intake while PostgreSQL is unavailable', () => {
  let iso: IsolatedEnv;
  let hub: RunningHubApp;
  let proxy: CuttableProxy;
  let key: SigningKey;

  beforeAll(async () => {
    iso = await isolatedEnv();
    const real = new URL(iso.databaseUrl);
    proxy = new CuttableProxy(real.hostname, Number(real.port || 5432));
    await proxy.open();
    const proxied = new URL(iso.databaseUrl);
    proxied.hostname = '127.0.0.1';
    proxied.port = String(proxy.port);
    const env = toGatewayEnv(iso.env, {
      DATABASE_URL: proxied.toString(),
      HUB_ADMIN_ACCESS_KEY_ID: ADMIN.accessKeyId,
      HUB_ADMIN_SECRET: ADMIN.secret,
      GATEWAY_RATE_LIMIT: '100000',
      GATEWAY_RATE_BURST: '100000',
    });
    hub = await startHubApp(gatewayApp, env);
    const registered = await signedFetch(hub.url, '/v1/admin/systems', ADMIN, {
      body: JSON.stringify({ department: 'SPJ', name: 'burst' }),
    });
    expect(registered.status).toBe(201);
    key = ((await registered.json()) as { credential: SigningKey }).credential;
  });

  afterAll(async () => {
    await hub?.close();
    await proxy?.cut();
    await iso?.dispose();
  });

  it('ends every request in 202 or a retryable answer; every event reaches Kafka, none is accepted twice', async () => {
    const source = '/departments/SPJ/systems/burst';
    const events = demoEnterprises(SINGLES + BATCHES * BATCH_SIZE, 300_000).map((e): CloudEvent => ({
      ...enterpriseRegisteredEvent(e, randomUUID()),
      source,
    }));
    const work: CloudEvent[][] = [
      ...events.slice(0, SINGLES).map((e) => [e]),
      ...Array.from({ length: BATCHES }, (_, i) =>
        events.slice(SINGLES + i * BATCH_SIZE, SINGLES + (i + 1) * BATCH_SIZE),
      ),
    ].sort((a, b) => a[0].id.localeCompare(b[0].id)); // singles and batches interleaved

    const answers = new Map<string, number>(); // status (or "no answer") → count
    const count = (answer: string): void => void answers.set(answer, (answers.get(answer) ?? 0) + 1);
    const receipts = new Map<string, Receipt>();
    const unexpected: string[] = [];
    let retryable = 0;

    const send = async (unit: CloudEvent[]): Promise<void> => {
      const batch = unit.length > 1;
      for (;;) {
        let response: Response;
        try {
          response = await signedFetch(hub.url, batch ? '/v1/events:batch' : '/v1/events', key, {
            body: JSON.stringify(batch ? unit : unit[0]),
            headers: { 'content-type': batch ? 'application/cloudevents-batch+json' : 'application/cloudevents+json' },
          });
        } catch {
          count('no answer');
          retryable++;
          await pause(100);
          continue;
        }
        count(String(response.status));
        if (response.status === 503) {
          retryable++;
          expect(response.headers.get('retry-after')).toMatch(/^\d+$/);
          await response.body?.cancel();
          await pause(100);
          continue;
        }
        if (response.status !== 202) {
          unexpected.push(`${response.status}: ${await response.text()}`);
          return;
        }
        if (batch) {
          const answer = (await response.json()) as { results: { status: number; receipt: Receipt }[] };
          answer.results.forEach((r, i) => receipts.set(unit[i].id, r.receipt));
        } else {
          receipts.set(unit[0].id, (await response.json()) as Receipt);
        }
        return;
      }
    };

    // The outage: once a third of the work is accepted, the database goes away until clients have met it for a while.
    const outage = (async () => {
      await eventually(() => expect(receipts.size).toBeGreaterThan(events.length / 3), {
        timeoutMs: 120_000,
        intervalMs: 20,
      });
      await proxy.cut();
      await eventually(() => expect(retryable).toBeGreaterThanOrEqual(40), { timeoutMs: 120_000, intervalMs: 50 });
      await proxy.open();
    })();
    const queue = [...work];
    await Promise.all(
      Array.from({ length: CLIENTS }, async () => {
        for (let unit = queue.shift(); unit; unit = queue.shift()) await send(unit);
      }),
    );
    await outage;

    expect(unexpected).toEqual([]);
    expect([...answers.keys()].filter((a) => !['202', '503', 'no answer'].includes(a))).toEqual([]);
    expect(retryable).toBeGreaterThanOrEqual(40); // the outage really met the burst
    expect(receipts.size).toBe(events.length);

    // Accepted once: one receipt, one hub id per event.
    const rows = await query<{ n: number; hubs: number }>(
      `SELECT count(*)::int AS n, count(DISTINCT hub_id)::int AS hubs FROM gateway.intake_receipt WHERE source = $1`,
      [source],
    );
    expect(rows).toEqual([{ n: events.length, hubs: events.length }]);

    // On Kafka: every event, each copy carrying the hub id of its one receipt. The relay publishes at least once:
    // a copy re-sent after an outage cut its delete is the same accepted event (same hub id), never a second one.
    const topic = `${iso.topicPrefix}${EnterpriseRegisteredV1.topic}`;
    const ids = new Set(events.map((e) => e.id));
    const mine = (messages: ReadMessage[]) => messages.filter((m) => ids.has(m.headers['ce_id']));
    const seen = await readTopic(
      iso.brokers,
      topic,
      (m) => new Set(mine(m).map((x) => x.headers['ce_id'])).size === ids.size,
      180_000,
    );
    const copies = new Map<string, Set<string>>();
    for (const m of mine(seen))
      copies.set(m.headers['ce_id'], (copies.get(m.headers['ce_id']) ?? new Set()).add(m.headers['ce_hubid']));
    expect(copies.size).toBe(events.length);
    const wrong = events.filter((e) => {
      const hubIds = copies.get(e.id);
      return hubIds?.size !== 1 || !hubIds.has(receipts.get(e.id)!.hubId);
    });
    expect(wrong).toEqual([]);
    const metrics = await (await fetch(`${hub.url}/metrics`)).text();
    expect(metrics).toMatch(/hub_gateway_refusals_total\{[^}]*problem="unavailable"[^}]*\} [1-9]/);
    process.stdout.write(
      `burst: ${events.length} events, answers ${JSON.stringify(Object.fromEntries(answers))}, ` +
        `${mine(seen).length - events.length} relay re-send(s) on Kafka\n`,
    );
  });

  async function query<T>(sql: string, params: unknown[]): Promise<T[]> {
    const client = new Client({ connectionString: iso.databaseUrl });
    await client.connect();
    try {
      return (await client.query(sql, params)).rows as T[];
    } finally {
      await client.end();
    }
  }
});

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
