import { DataSource } from 'typeorm';
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
    const topic = `${iso.topicPrefix}relayed`;
    const admin = testKafka(iso.brokers).admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic, numPartitions: 1 }], waitForLeaders: true });
    await admin.disconnect();
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
