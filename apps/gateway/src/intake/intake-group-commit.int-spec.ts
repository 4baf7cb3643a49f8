import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { CloudEvent, EnterpriseRegisteredV1 } from '@hub/contracts';
import { demoEnterprises, enterpriseRegisteredEvent } from '@hub/demo';
import { RunningHubApp, startHubApp } from '@hub/platform';
import { IsolatedEnv, eventually, isolatedEnv, readTopic } from '@hub/testing';
import { SigningKey, signedFetch } from '../auth/signed-fetch';
import { gatewayApp } from '../gateway.app';
import { toGatewayEnv } from '../gateway.env';

const ADMIN: SigningKey = { accessKeyId: 'AKGROUPADMIN', secret: 'group-admin-secret-0123456789abcdef' };
const STRUCTURED = 'application/cloudevents+json; charset=UTF-8';
const BATCH = 'application/cloudevents-batch+json; charset=UTF-8';
const SOURCE = '/departments/SPJ/systems/registration';

/**
 * The intake's group commit against the real PostgreSQL: requests waiting while the statement is busy are committed
 * together, a request the database refuses fails alone, and the wait is bounded. A session of the test holds a lock
 * on the receipts so that the requests gather behind it, as they do under load.
 */
describe('HTTP intake: the group commit', () => {
  let iso: IsolatedEnv;
  let hub: RunningHubApp;
  let key: SigningKey;
  let db: Client;
  let nextEnterprise = 400_000;

  const newEvent = (id: string = randomUUID()): CloudEvent => ({
    ...enterpriseRegisteredEvent(demoEnterprises(1, nextEnterprise++)[0], id),
    source: SOURCE,
  });
  const publish = (event: CloudEvent) =>
    signedFetch(hub.url, '/v1/events', key, {
      body: JSON.stringify(event),
      headers: { 'content-type': STRUCTURED },
    });
  const queued = async (): Promise<number> => {
    const text = await (await fetch(`${hub.url}/metrics`)).text();
    return Number(/^hub_gateway_intake_queued_events\{[^}]*\} (\d+)/m.exec(text)?.[1] ?? NaN);
  };
  /** Blocks the intake's statement until the returned function is called; resolves once one is waiting. */
  const holdReceipts = async (): Promise<{ waiting: () => Promise<void>; release: () => Promise<void> }> => {
    await db.query('BEGIN');
    await db.query('LOCK TABLE gateway.intake_receipt IN SHARE ROW EXCLUSIVE MODE');
    return {
      waiting: () =>
        eventually(async () => {
          const { rows } = await db.query<{ n: number }>(
            `SELECT count(*)::int AS n FROM pg_stat_activity
              WHERE datname = current_database() AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()`,
          );
          expect(rows[0]!.n).toBeGreaterThan(0);
        }),
      release: async () => void (await db.query('COMMIT')),
    };
  };

  beforeAll(async () => {
    iso = await isolatedEnv();
    hub = await startHubApp(
      gatewayApp,
      toGatewayEnv(iso.env, {
        HUB_ADMIN_ACCESS_KEY_ID: ADMIN.accessKeyId,
        HUB_ADMIN_SECRET: ADMIN.secret,
        GATEWAY_RATE_LIMIT: '100000',
        GATEWAY_RATE_BURST: '100000',
        GATEWAY_MAX_QUEUED_EVENTS: '500',
      }),
    );
    const registered = await signedFetch(hub.url, '/v1/admin/systems', ADMIN, {
      body: JSON.stringify({ department: 'SPJ', name: 'registration' }),
    });
    expect(registered.status).toBe(201);
    key = ((await registered.json()) as { credential: SigningKey }).credential;
    db = new Client({ connectionString: iso.databaseUrl });
    await db.connect();
    // A value the contracts accept but the database refuses, as an index row too large or a byte it cannot encode
    // would be: whatever the checks before it, the statement can still fail for one request's data.
    await db.query(`
      CREATE FUNCTION gateway.refuse_poison() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.event_id LIKE 'poison-%' THEN
          RAISE EXCEPTION 'poison event %', NEW.event_id USING ERRCODE = '22000';
        END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER refuse_poison BEFORE INSERT ON gateway.intake_receipt
        FOR EACH ROW EXECUTE FUNCTION gateway.refuse_poison();`);
  });

  afterAll(async () => {
    await db?.end();
    await hub?.close();
    await iso?.dispose();
  });

  it('commits the valid requests of a group that holds one the database refuses, and answers that one 400', async () => {
    const held = await holdReceipts();
    const first = publish(newEvent());
    await held.waiting();
    const valid = Array.from({ length: 30 }, () => newEvent());
    const poison = newEvent(`poison-${randomUUID()}`);
    const answers = [...valid.slice(0, 15), poison, ...valid.slice(15)].map((event) => publish(event));
    await eventually(async () => expect(await queued()).toBe(31));
    await held.release();

    const statuses = await Promise.all(answers.map(async (a) => (await a).status));
    expect((await first).status).toBe(202);
    expect(statuses.filter((_, i) => i !== 15)).toEqual(Array(30).fill(202));
    const refused = await answers[15]!;
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({
      type: 'urn:hub:problem:invalid-event',
      errors: [{ field: 'body', rule: 'storable', message: expect.stringContaining('SQLSTATE 22000') }],
    });
    const ids = new Set(valid.map((e) => e.id));
    const seen = await readTopic(
      iso.brokers,
      `${iso.topicPrefix}${EnterpriseRegisteredV1.topic}`,
      (messages) => messages.filter((m) => ids.has(m.headers['ce_id'])).length === valid.length,
    );
    expect(seen.filter((m) => m.headers['ce_id'] === poison.id)).toEqual([]);
    expect(await queued()).toBe(0);
  });

  it('answers 503 with Retry-After to a request that would wait beyond GATEWAY_MAX_QUEUED_EVENTS, then takes it', async () => {
    const held = await holdReceipts();
    const first = publish(newEvent());
    await held.waiting();
    const batch = (n: number) =>
      signedFetch(hub.url, '/v1/events:batch', key, {
        body: JSON.stringify(Array.from({ length: n }, () => newEvent())),
        headers: { 'content-type': BATCH },
      });
    const waiting = [batch(250), batch(250)];
    await eventually(async () => expect(await queued()).toBe(500));
    const over = await publish(newEvent());
    expect(over.status).toBe(503);
    expect(over.headers.get('retry-after')).toBe('1');
    expect(await over.json()).toMatchObject({ type: 'urn:hub:problem:unavailable' });
    await held.release();
    expect((await first).status).toBe(202);
    expect(await Promise.all(waiting.map(async (w) => (await w).status))).toEqual([202, 202]);
    expect((await publish(newEvent())).status).toBe(202);
  });
});
