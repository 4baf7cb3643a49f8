import { DataSource } from 'typeorm';
import { DeadLetterHeaders } from '@hub/contracts';
import { HubMetrics } from '@hub/observability';
import { migrate, openDataSource } from '@hub/persistence';
import { IsolatedEnv, eventually, isolatedEnv, readTopic, testKafka } from '@hub/testing';
import { HubProducer } from './hub-producer';
import { MessagingTables1764230400000 } from './migrations/1764230400000-messaging-tables';
import { OutboxRelay } from './outbox.relay';

const SCHEMA = 'relay_test';

/** The relay against a real outbox table and broker. */
describe('OutboxRelay', () => {
  let iso: IsolatedEnv;
  let dataSource: DataSource;
  let producer: HubProducer;

  beforeAll(async () => {
    iso = await isolatedEnv();
    dataSource = await openDataSource({
      url: iso.databaseUrl,
      schema: SCHEMA,
      entities: [],
      migrations: [MessagingTables1764230400000],
    });
    await migrate(dataSource);
    producer = new HubProducer(testKafka(iso.brokers));
    await producer.connect();
  });

  afterAll(async () => {
    await producer?.disconnect();
    await dataSource?.destroy();
    await iso?.dispose();
  });

  it('publishes a backlog in order, reporting after each full batch what is left past it', async () => {
    const topic = await plainTopic('relayed');
    await enqueue(topic, 'event', 250);

    const metrics = new HubMetrics('relay-test', false);
    const reported: number[] = [];
    // Every value the relay reports, in turn (the gauge itself keeps only the last).
    type Set = (labels: { schema: string }, value: number) => void;
    const gauge = metrics.outboxBacklog as unknown as { set: Set };
    const set = gauge.set.bind(gauge);
    gauge.set = (labels, value) => {
      reported.push(value);
      set(labels, value);
    };
    const relay = new OutboxRelay({ databaseUrl: iso.databaseUrl, schema: SCHEMA, producer, metrics, batchSize: 100 });
    relay.start();
    try {
      await eventually(() => expect(reported).toContain(0));
    } finally {
      await relay.stop();
    }

    // Batches of 100, 100 and 50: after each full one, what is left; after the short one, an empty look says 0.
    expect(reported.slice(0, 3)).toEqual([150, 50, 0]);
    const read = await readTopic(iso.brokers, topic, (messages) => messages.length >= 250);
    expect(read.map((m) => m.value)).toEqual(Array.from({ length: 250 }, (_, i) => `event-${i}`));
    const left = await dataSource.query(`SELECT count(*)::int AS n FROM "${SCHEMA}"."outbox"`);
    expect(left[0].n).toBe(0);
  });

  it("stamps each record with its row's time, not the send's: when the hub accepted the event", async () => {
    const topic = await plainTopic('stamped');
    // Written an hour ago and only now relayed, as after the broker was away.
    const rows: { value: string; micros: string }[] = await dataSource.query(
      `INSERT INTO "${SCHEMA}"."outbox" (event_id, topic, key, headers, value, created_at)
       SELECT id, $1, 'k', '{}', convert_to(id, 'UTF8'), now() - interval '1 hour' + n * interval '1.2345 s'
         FROM unnest(ARRAY['held-0', 'held-1']) WITH ORDINALITY AS i(id, n) ORDER BY n
       RETURNING convert_from(value, 'UTF8') AS value, (extract(epoch FROM created_at) * 1000000)::bigint AS micros`,
      [topic],
    );
    const relay = new OutboxRelay({ databaseUrl: iso.databaseUrl, schema: SCHEMA, producer });
    relay.start();
    try {
      const read = await readTopic(iso.brokers, topic, (messages) => messages.length >= 2);
      expect(read.map((m) => [m.value, m.message.timestamp])).toEqual(
        rows.map((r) => [r.value, String(BigInt(r.micros) / 1000n)]),
      );
    } finally {
      await relay.stop();
    }
  });

  /** 20 rows of 30 KB on one key hold 600 KB: five times what the topic takes in one batch. */
  const LIMIT = 100_000;

  it('sends a backlog of large rows in batches under the limit, and sets aside the one too large for any', async () => {
    const topic = await limitedTopic('sized', LIMIT);
    await enqueueSized(topic, 'big', 10, 30_000);
    await enqueueSized(topic, 'huge', 1, 150_000);
    await enqueueSized(topic, 'big-after', 10, 30_000);
    await enqueue(topic, 'small', 5);

    const metrics = new HubMetrics('relay-test', false);
    const relay = new OutboxRelay({ ...relayOptions(metrics), maxMessageBytes: LIMIT });
    relay.start();
    try {
      const read = await readTopic(iso.brokers, topic, (m) => m.length >= 25);
      const expected = [
        ...Array.from({ length: 10 }, (_, i) => `big-${i}`),
        ...Array.from({ length: 10 }, (_, i) => `big-after-${i}`),
        ...Array.from({ length: 5 }, (_, i) => `small-${i}`),
      ];
      expect(read.map((m) => m.value.slice(0, 20).replace(/ +$/, ''))).toEqual(expected);
      await expectSetAside(topic, 'huge-0', /exceeds the broker's limit of 100000 bytes/);
      expect((await metrics.outboxSetAside.get()).values).toEqual([
        expect.objectContaining({ value: 1, labels: { schema: SCHEMA, topic } }),
      ]);
      await eventually(async () => expect(await outboxCount()).toBe(0));
    } finally {
      await relay.stop();
    }
  });

  it('goes on under a lower limit when the broker refuses batches the configured one allows', async () => {
    const topic = await limitedTopic('misconfigured', LIMIT);
    await enqueueSized(topic, 'big', 10, 30_000);
    await enqueueSized(topic, 'huge', 1, 150_000);
    await enqueue(topic, 'small', 3);

    // Told 1 MiB, as KAFKA_MAX_MESSAGE_BYTES would by default, for a topic that takes 100 000 bytes.
    const relay = new OutboxRelay(relayOptions());
    relay.start();
    try {
      const read = await readTopic(iso.brokers, topic, (m) => m.length >= 13);
      expect(read.map((m) => m.value.slice(0, 20).replace(/ +$/, ''))).toEqual([
        ...Array.from({ length: 10 }, (_, i) => `big-${i}`),
        ...Array.from({ length: 3 }, (_, i) => `small-${i}`),
      ]);
      await expectSetAside(topic, 'huge-0', /exceeds the broker's limit of \d+ bytes \(as the broker refused more\)/);
      await eventually(async () => expect(await outboxCount()).toBe(0));
    } finally {
      await relay.stop();
    }
  });

  function relayOptions(metrics?: HubMetrics): ConstructorParameters<typeof OutboxRelay>[0] {
    return { databaseUrl: iso.databaseUrl, schema: SCHEMA, producer, metrics, minIdleMs: 5, maxIdleMs: 50 };
  }

  /** A topic of one partition taking batches of at most `maxBytes`, with its dead-letter topic (default limit). */
  async function limitedTopic(name: string, maxBytes: number): Promise<string> {
    const topic = `${iso.topicPrefix}${name}`;
    const admin = testKafka(iso.brokers).admin();
    await admin.connect();
    await admin.createTopics({
      topics: [
        { topic, numPartitions: 1, configEntries: [{ name: 'max.message.bytes', value: String(maxBytes) }] },
        { topic: `${topic}.dlq`, numPartitions: 1 },
      ],
      waitForLeaders: true,
    });
    await admin.disconnect();
    return topic;
  }

  /** A topic of one partition, with the broker's defaults. */
  async function plainTopic(name: string): Promise<string> {
    const topic = `${iso.topicPrefix}${name}`;
    const admin = testKafka(iso.brokers).admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic, numPartitions: 1 }], waitForLeaders: true });
    await admin.disconnect();
    return topic;
  }

  /** The dead letter that stands for the row with this event id: the reason, where it was, the cut. */
  async function expectSetAside(topic: string, eventId: string, reason: RegExp): Promise<void> {
    const letters = await readTopic(iso.brokers, `${topic}.dlq`, (m) => m.some((l) => l.headers.ce_id === eventId));
    const letter = letters.find((l) => l.headers.ce_id === eventId);
    expect(letter).toBeDefined();
    expect(letter!.headers[DeadLetterHeaders.reason]).toMatch(reason);
    expect(letter!.headers[DeadLetterHeaders.originalTopic]).toBe(topic);
    expect(letter!.headers[DeadLetterHeaders.originalPartition]).toBe('-1');
    expect(letter!.headers[DeadLetterHeaders.consumer]).toBe(`${SCHEMA}.outbox`);
    expect(JSON.parse(letter!.headers[DeadLetterHeaders.truncated])).toMatchObject({ valueBytes: 150_000 });
    expect(letter!.value.startsWith(eventId)).toBe(true);
  }

  async function outboxCount(): Promise<number> {
    const left = await dataSource.query(`SELECT count(*)::int AS n FROM "${SCHEMA}"."outbox"`);
    return left[0].n;
  }

  /** Rows whose value is the id padded with spaces to `bytes`, and whose header names the id. */
  async function enqueueSized(topic: string, prefix: string, count: number, bytes: number): Promise<void> {
    const ids = Array.from({ length: count }, (_, i) => `${prefix}-${i}`);
    await dataSource.query(
      `INSERT INTO "${SCHEMA}"."outbox" (event_id, topic, key, headers, value)
       SELECT id, $2, 'k', jsonb_build_object('ce_id', id), convert_to(rpad(id, $3), 'UTF8')
         FROM unnest($1::text[]) WITH ORDINALITY AS i(id, n) ORDER BY n`,
      [ids, topic, bytes],
    );
  }

  async function enqueue(topic: string, prefix: string, count: number): Promise<void> {
    const ids = Array.from({ length: count }, (_, i) => `${prefix}-${i}`);
    await dataSource.query(
      `INSERT INTO "${SCHEMA}"."outbox" (event_id, topic, key, headers, value)
       SELECT id, $2, 'k', '{}'::jsonb, convert_to(id, 'UTF8') FROM unnest($1::text[]) WITH ORDINALITY AS i(id, n)
       ORDER BY n`,
      [ids, topic],
    );
  }
});
