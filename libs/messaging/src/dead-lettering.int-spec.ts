import { Kafka } from 'kafkajs';
import { DataSource } from 'typeorm';
import { DeadLetterHeaders } from '@hub/contracts';
import { HubMetrics } from '@hub/observability';
import { migrate, openDataSource } from '@hub/persistence';
import { IsolatedEnv, eventually, isolatedEnv, readTopic, testKafka } from '@hub/testing';
import { contractsCatalog } from './contracts-catalog';
import { singleRecordBatchBytes } from './dead-letter-record';
import { HubKafkaServer, RawKafkaMessage } from './hub-kafka.server';
import { HubProducer } from './hub-producer';
import { MessagingTables1764230400000 } from './migrations/1764230400000-messaging-tables';
import { RejectedMessage } from './rejected-message';

const SCHEMA = 'dead_lettering_test';
/** The dead-letter topics of this file take at most this much in a batch; the server is told the same. */
const LIMIT = 100_000;

/** Dead-lettering that cannot fail silently, against the real broker and database. */
describe('HubKafkaServer dead-lettering', () => {
  let iso: IsolatedEnv;
  let kafka: Kafka;
  let dataSource: DataSource;
  let producer: HubProducer;
  const servers: HubKafkaServer[] = [];

  beforeAll(async () => {
    iso = await isolatedEnv();
    kafka = testKafka(iso.brokers);
    dataSource = await openDataSource({
      url: iso.databaseUrl,
      schema: SCHEMA,
      entities: [],
      migrations: [MessagingTables1764230400000],
    });
    await migrate(dataSource);
    producer = new HubProducer(kafka);
    await producer.connect();
  });

  afterAll(async () => {
    for (const server of servers) await server.close();
    await producer?.disconnect();
    await dataSource?.destroy();
    await iso?.dispose();
  });

  /** A consumer of `topic` whose handler rejects every message whose value starts with "bad", recording each try. */
  async function consume(topic: string, metrics: HubMetrics, seen: string[]): Promise<HubKafkaServer> {
    const server = new HubKafkaServer({
      kafka,
      groupId: `${iso.topicPrefix}${topic.length}-${servers.length}`,
      dataSource,
      catalog: contractsCatalog({ topicPrefix: iso.topicPrefix }),
      producer,
      metrics,
      retry: { attempts: 1, initialDelayMs: 10, maxDelayMs: 10 },
      maxMessageBytes: LIMIT,
      stopMs: 2_000,
    });
    const escaped = topic.slice(iso.topicPrefix.length).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const handler = async (message: RawKafkaMessage): Promise<void> => {
      const value = message.value?.toString('utf8') ?? '';
      seen.push(value.slice(0, 12));
      if (value.startsWith('bad')) throw new RejectedMessage([{ field: '', rule: 'test', message: 'rejected' }]);
    };
    server.addHandler('raw:test', handler, true, { hub: 'raw', topics: new RegExp(`${escaped}$`) });
    servers.push(server);
    await new Promise<void>((resolve, reject) => server.listen((error) => (error ? reject(error) : resolve())));
    await eventually(() => expect(server.isJoined).toBe(true));
    return server;
  }

  async function createTopics(...topics: { topic: string; maxBytes?: number }[]): Promise<void> {
    const admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({
      topics: topics.map(({ topic, maxBytes }) => ({
        topic,
        numPartitions: 1,
        configEntries: maxBytes ? [{ name: 'max.message.bytes', value: String(maxBytes) }] : [],
      })),
      waitForLeaders: true,
    });
    await admin.disconnect();
  }

  async function send(topic: string, ...values: string[]): Promise<void> {
    await producer.send(
      values.map((value) => ({ topic, key: 'k', value: Buffer.from(value), headers: { ce_id: value.slice(0, 12) } })),
    );
  }

  async function committed(groupId: string, topic: string): Promise<number> {
    const admin = kafka.admin();
    await admin.connect();
    try {
      const [offsets] = await admin.fetchOffsets({ groupId, topics: [topic] });
      return Number(offsets.partitions[0].offset);
    } finally {
      await admin.disconnect();
    }
  }

  it('cuts a dead letter that would not fit with its headers to what fits, recording the cut, and moves on', async () => {
    const topic = `${iso.topicPrefix}zone.test.cut.v1`;
    await createTopics({ topic }, { topic: `${topic}.dlq`, maxBytes: LIMIT });
    const seen: string[] = [];
    await consume(topic, new HubMetrics('dead-lettering-test', false), seen);
    // Within the limit alone; over it with the dead-letter headers.
    await send(topic, `bad-at-limit${'x'.repeat(LIMIT - 200)}`, 'good-after');

    const [letter] = await readTopic(iso.brokers, `${topic}.dlq`, (m) => m.length >= 1);
    expect(
      singleRecordBatchBytes({
        ...letter.message,
        topic,
        key: 'k',
        value: letter.message.value!,
        headers: letter.headers,
      }),
    ).toBeLessThanOrEqual(LIMIT);
    const cut = JSON.parse(letter.headers[DeadLetterHeaders.truncated]);
    expect(cut.valueBytes).toBe(LIMIT - 188);
    expect(cut.keptValueBytes).toBe(letter.message.value!.length);
    expect(cut.keptValueBytes).toBeLessThan(cut.valueBytes);
    expect(letter.headers[DeadLetterHeaders.originalOffset]).toBe('0');
    expect(letter.headers[DeadLetterHeaders.originalTimestamp]).toMatch(/^\d+$/);
    await eventually(() => expect(seen).toContain('good-after'));
  });

  it('stops the partition, uncommitted, with an alert and a metric when a dead letter cannot be sent, and tries again later', async () => {
    // The longest name Kafka allows: there is no room for `.dlq`.
    const topic = `${iso.topicPrefix}zone.test.`.padEnd(246, 'l') + '.v1';
    expect(topic).toHaveLength(249);
    await createTopics({ topic });
    const metrics = new HubMetrics('dead-lettering-test', false);
    const seen: string[] = [];
    const errors: string[] = [];
    const server = await consume(topic, metrics, seen);
    const logger = (server as unknown as { logger: { error: (m: string) => void } }).logger;
    const log = logger.error.bind(logger);
    logger.error = (message: string) => {
      errors.push(message);
      log(message);
    };
    await send(topic, 'good-before', 'bad-stuck', 'good-behind');

    await eventually(async () => expect((await metrics.partitionsStopped.get()).values[0]?.value).toBe(1));
    expect((await metrics.deadLetterFailures.get()).values[0]?.value).toBe(1);
    expect(errors.find((e) => e.startsWith('ALERT'))).toMatch(
      /stopped .* at offset 1 .*could not be dead-lettered.*not a legal Kafka topic name/,
    );
    // Stopped at the message: the one before committed, the one behind not handled.
    await eventually(async () => expect(await committed(server['options'].groupId, topic)).toBe(1));
    expect(seen).toEqual(['good-before', 'bad-stuck']);

    // After the stop, the message is tried again (and stops the partition again, for twice as long).
    await eventually(() => expect(seen).toEqual(['good-before', 'bad-stuck', 'bad-stuck']), { timeoutMs: 20_000 });
    await eventually(async () => expect((await metrics.deadLetterFailures.get()).values[0]?.value).toBe(2));
    expect(errors.filter((e) => e.startsWith('ALERT'))[1]).toMatch(/for 4000 ms \(stop 2 in a row\)/);
    expect(seen).not.toContain('good-behind');
    expect(await committed(server['options'].groupId, topic)).toBe(1);
  });

  it('stops rather than skips a dead letter that its consumer cannot process', async () => {
    const topic = `${iso.topicPrefix}zone.test.stored.v1.dlq`;
    await createTopics({ topic });
    const metrics = new HubMetrics('dead-lettering-test', false);
    const seen: string[] = [];
    const server = await consume(topic, metrics, seen);
    await send(topic, 'bad-letter', 'next-letter');

    await eventually(async () => expect((await metrics.partitionsStopped.get()).values[0]?.value).toBe(1));
    expect(seen).toEqual(['bad-letter']);
    expect(await committed(server['options'].groupId, topic)).toBeLessThanOrEqual(0);
  });
});
