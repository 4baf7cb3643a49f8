import { execFileSync, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { DeadLetterHeaders, EnterpriseRegisteredV1, ingressTopic, toKafkaMessage } from '@hub/contracts';
import { demoEnterprises, enterpriseRegisteredEvent } from '@hub/demo';
import {
  AppProcess,
  IsolatedEnv,
  eventually,
  hubProcessEnv,
  isolatedEnv,
  readTopic,
  signedCall,
  startAppProcess,
  kcatAuth,
  testKafka,
} from '@hub/testing';

const APPS = ['gateway', 'approval', 'supervision', 'inspection', 'registry', 'console'];
/** The bootstrap admin system of 信息化中心 (XXHZX): the hub's operators. */
const OPERATOR = { accessKeyId: 'AKE2EHUBOPS', secret: 'e2e-hub-operators-secret-0123456789' };

/** The hub as `npm start` runs it: six processes on one broker and one database, driven from outside. */
describe('the hub, end to end', () => {
  let iso: IsolatedEnv;
  let apps: Map<string, AppProcess>;
  let env: Record<string, string>;

  beforeAll(async () => {
    iso = await isolatedEnv();
    env = {
      KAFKA_BROKERS: iso.brokers.join(','),
      DATABASE_URL: iso.databaseUrl,
      KAFKA_TOPIC_PREFIX: iso.topicPrefix,
      KAFKA_PARTITIONS: '2',
      LOG_LEVEL: 'warn',
      HUB_ADMIN_ACCESS_KEY_ID: OPERATOR.accessKeyId,
      HUB_ADMIN_SECRET: OPERATOR.secret,
      ...iso.edgeKeyVariables,
    };
    apps = new Map();
    const envOf = await hubProcessEnv(env);
    // One after another: each creates the topics it needs, and two cores are all there is.
    for (const name of APPS) apps.set(name, await startAppProcess(name, envOf(name)));
  });

  afterAll(async () => {
    for (const app of apps?.values() ?? []) await app.stop();
    await iso?.dispose();
  });

  const query = async <T>(sql: string, params: unknown[] = []): Promise<T[]> => {
    const client = new Client({ connectionString: iso.databaseUrl });
    await client.connect();
    try {
      return (await client.query(sql, params)).rows as T[];
    } finally {
      await client.end();
    }
  };
  const ingress = (): string => `${iso.topicPrefix}${ingressTopic('SPJ')}`;
  /** The hub's operators (信息化中心) reading the console through the gateway, with their gateway credential. */
  const asOperator = <T>(target: string) =>
    signedCall<T>(apps.get('gateway')!.url, OPERATOR, 'GET', `/v1/console${target.replace(/^\/v1/, '')}`);

  it('serves health and metrics on every app', async () => {
    for (const app of apps.values()) {
      expect((await fetch(`${app.url}/health/live`)).status).toBe(200);
      const ready = await fetch(`${app.url}/health/ready`);
      expect(await ready.json()).toEqual({ status: 'ready', checks: { database: true, consumer: true } });
      expect(await (await fetch(`${app.url}/metrics`)).text()).toContain('hub_outbox_backlog');
    }
  });

  it("carries a department system's events from its ingress topic into every domain app's directory", async () => {
    const enterprises = demoEnterprises(20, 50_000);
    const producer = testKafka(iso.brokers, 'spj').producer();
    await producer.connect();
    await producer.send({
      topic: ingress(),
      messages: enterprises.map((e) => toKafkaMessage(enterpriseRegisteredEvent(e, randomUUID()), 'binary')),
    });
    await producer.disconnect();
    // The inspection app's directory of enterprises is its target directory (检查对象名录库).
    for (const table of ['approval.enterprise', 'supervision.enterprise', 'inspection.target', 'registry.enterprise']) {
      await eventually(async () => {
        const rows = await query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} WHERE uscc = ANY($1)`, [
          enterprises.map((e) => e.uscc),
        ]);
        expect(rows[0].n).toBe(enterprises.length);
      });
    }
  });

  it('refuses on the ingress a type the department does not own, and shows operators why', async () => {
    const [enterprise] = demoEnterprises(1, 60_000);
    const forged = {
      ...enterpriseRegisteredEvent(enterprise, randomUUID()),
      source: '/departments/SCJG/systems/forger',
      department: 'SCJG',
    };
    // SCJG's own principal: the broker lets it write no other department's ingress topic.
    const producer = testKafka(iso.brokers, 'scjg').producer();
    await producer.connect();
    await producer.send({
      topic: `${iso.topicPrefix}${ingressTopic('SCJG')}`,
      messages: [toKafkaMessage(forged, 'binary')],
    });
    await producer.disconnect();

    const letters = await readTopic(iso.brokers, `${iso.topicPrefix}${ingressTopic('SCJG')}.dlq`, (m) =>
      m.some((x) => x.headers['ce_id'] === forged.id),
    );
    const letter = letters.find((x) => x.headers['ce_id'] === forged.id)!;
    expect(letter.headers[DeadLetterHeaders.reason]).toMatch(/type.*owned by SPJ/);
    const listed = await eventually(async () => {
      const { body } = await asOperator<{ reason: string; consumer: string }[]>(
        `/v1/dead-letters?topic=${iso.topicPrefix}${ingressTopic('SCJG')}`,
      );
      expect(body.length).toBeGreaterThan(0);
      return body;
    });
    expect(listed[0].reason).toMatch(/owned by SPJ/);
    expect(listed[0].consumer).toBe(`${iso.topicPrefix}gateway`);
  });

  it('answers a bad console query with problem details naming the field', async () => {
    const response = await asOperator<{ errors: { field: string; rule: string }[] }>('/v1/dead-letters?limit=9999');
    expect(response.status).toBe(400);
    expect(response.contentType).toMatch(/application\/problem\+json/);
    expect(response.body.errors).toContainEqual(expect.objectContaining({ field: 'limit', rule: 'max' }));
  });

  it('consumes a CloudEvent that kcat produced as the 审批局, and dead-letters a malformed one with a reason', async () => {
    const [enterprise] = demoEnterprises(1, 70_000);
    const good = { ...enterpriseRegisteredEvent(enterprise, randomUUID()) };
    const topic = ingress();
    const kcat = (payload: string, key: string): void => {
      execFileSync(
        'kcat',
        [
          '-P',
          '-b',
          iso.brokers[0],
          ...kcatAuth('spj'),
          '-t',
          topic,
          '-k',
          key,
          '-H',
          'content-type=application/cloudevents+json',
        ],
        { input: payload },
      );
    };
    kcat(JSON.stringify(good), enterprise.uscc);
    const badId = randomUUID();
    kcat(JSON.stringify({ ...good, id: badId, data: { ...good.data, establishedOn: 'yesterday' } }), enterprise.uscc);

    await eventually(async () => {
      const rows = await query<{ last_event_id: string }>(
        `SELECT last_event_id FROM registry.enterprise WHERE uscc = $1`,
        [enterprise.uscc],
      );
      expect(rows[0]?.last_event_id).toBe(good.id);
    });
    const letters = await readTopic(iso.brokers, `${topic}.dlq`, (m) => m.some((x) => x.value.includes(badId)));
    const letter = letters.find((x) => x.value.includes(badId))!;
    expect(letter.headers[DeadLetterHeaders.reason]).toMatch(/data\.establishedOn/);
    // The same kcat, as the same department, on another department's ingress topic: the broker refuses it.
    const refused = spawnSync(
      'kcat',
      ['-P', '-b', iso.brokers[0], ...kcatAuth('spj'), '-t', `${iso.topicPrefix}${ingressTopic('SCJG')}`, '-k', 'k'],
      { input: JSON.stringify({ ...good, id: randomUUID() }), encoding: 'utf8', timeout: 60_000 },
    );
    expect(refused.stderr).toMatch(/Topic authorization failed/i);
  });

  /** Streams 10 000 events at the registry, interrupts it mid-stream with `interrupt`, restarts it, counts. */
  async function interruptMidStream(from: number, interrupt: (app: AppProcess) => Promise<void>): Promise<void> {
    const events = demoEnterprises(10_000, from).map((e) => enterpriseRegisteredEvent(e, randomUUID()));
    const ids = events.map((e) => e.id);
    const applied = async (): Promise<number> =>
      (
        await query<{ n: number }>(`SELECT count(*)::int AS n FROM registry.apply_log WHERE event_id = ANY($1)`, [ids])
      )[0].n;
    // As the gateway, which alone writes the canonical topics: the stream reaches the registry without its relay.
    const producer = testKafka(iso.brokers, 'gateway').producer();
    await producer.connect();
    for (let i = 0; i < events.length; i += 500) {
      await producer.send({
        topic: `${iso.topicPrefix}${EnterpriseRegisteredV1.topic}`,
        messages: events.slice(i, i + 500).map((e) => toKafkaMessage(e, 'binary')),
      });
    }
    await producer.disconnect();

    await eventually(async () => expect(await applied()).toBeGreaterThan(0), { intervalMs: 20 });
    await interrupt(apps.get('registry')!);
    expect(await applied()).toBeLessThan(events.length); // really mid-stream
    apps.set('registry', await startAppProcess('registry', env));

    const counts = await eventually(
      async () => {
        const rows = await query<{ event_id: string; n: number }>(
          `SELECT event_id, count(*)::int AS n FROM registry.apply_log WHERE event_id = ANY($1) GROUP BY event_id`,
          [ids],
        );
        expect(rows).toHaveLength(ids.length);
        return rows;
      },
      { timeoutMs: 180_000, intervalMs: 500 },
    );
    expect(counts.filter((r) => r.n !== 1)).toEqual([]);
  }

  describe('a consumer interrupted mid-stream and restarted loses and duplicates nothing', () => {
    beforeAll(async () => {
      await query(`CREATE TABLE registry.apply_log (event_id text NOT NULL)`);
      // A millisecond per row keeps 10 000 events in flight for seconds, so that the interruption comes mid-stream
      // however fast the consumer has become.
      await query(`CREATE FUNCTION registry.log_apply() RETURNS trigger AS $$
        BEGIN INSERT INTO registry.apply_log VALUES (NEW.last_event_id); PERFORM pg_sleep(0.001); RETURN NULL; END $$
        LANGUAGE plpgsql`);
      await query(`CREATE TRIGGER log_apply AFTER INSERT OR UPDATE ON registry.enterprise
        FOR EACH ROW EXECUTE FUNCTION registry.log_apply()`);
    });

    it('when killed (SIGKILL: no shutdown hook runs)', async () => {
      await interruptMidStream(100_000, (app) => app.kill());
    });

    it('when stopped (SIGTERM: it finishes the batch in hand, commits, leaves the group, exits 0)', async () => {
      await interruptMidStream(200_000, async (app) => expect(await app.stop()).toBe(0));
    });
  });
});
