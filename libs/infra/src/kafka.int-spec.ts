import { readFileSync, writeFileSync } from 'node:fs';
import { Admin, Kafka, KafkaMessage, logLevel, Partitioners } from 'kafkajs';
import { hubPaths } from './hub-paths';
import { ensureKafka, kafkaAnswers, KafkaHandle, startLocalKafka, stopLocalKafka } from './kafka';
import { ensureLocalCredentials, readKafkaCredentials } from './kafka-credentials';
import { infraKafkaSasl } from './kafka-principals';

// The first start may download the broker's classpath with Maven.
jest.setTimeout(600_000);

const topic = `hub.infra.int-spec.${process.pid}.${Date.now()}`;
const key = '91130800MA0CXXXX1J';

describe('local Kafka', () => {
  let kafka: KafkaHandle;
  let client: Kafka;
  let admin: Admin;
  const toStop: KafkaHandle[] = [];

  beforeAll(async () => {
    kafka = await ensureKafka();
    toStop.push(kafka);
    client = new Kafka({
      clientId: 'infra-int-spec',
      brokers: kafka.brokers,
      sasl: infraKafkaSasl(),
      logLevel: logLevel.NOTHING,
    });
    admin = client.admin();
    await admin.connect();
  });

  afterAll(async () => {
    await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
    await admin.disconnect();
    for (const handle of toStop.reverse()) await handle.stop();
  });

  it('creates a topic, produces one message and consumes it', async () => {
    await admin.createTopics({ topics: [{ topic, numPartitions: 1 }], waitForLeaders: false });
    await untilLed(admin, topic);
    expect(await admin.listTopics()).toContain(topic);

    // A loaded single broker can still answer "does not host this topic-partition" just after creating it:
    // that error is retriable, so give the producer room to retry rather than fail the first send.
    const producer = client.producer({
      idempotent: true,
      createPartitioner: Partitioners.DefaultPartitioner,
      retry: { retries: 20, initialRetryTime: 200, maxRetryTime: 2_000 },
    });
    await producer.connect();
    await producer.send({ topic, acks: -1, messages: [{ key, value: 'hello from 承德' }] });
    await producer.disconnect();

    const received = await consumeOne(client, topic);
    expect(received.key?.toString()).toBe(key);
    expect(received.value?.toString()).toBe('hello from 承德');
  });

  it('does not start a second broker when one answers', async () => {
    const again = await ensureKafka();
    expect(again.startedHere).toBe(false);
    expect(again.brokers).toEqual(kafka.brokers);
  });

  // These two need the broker the project runs itself; with KAFKA_BROKERS set they fail rather than skip.
  const requireLocal = (): void => {
    // The jest setup sets KAFKA_BROKERS for every test; HUB_TEST_KAFKA says whether it points at our own broker.
    if (process.env.HUB_TEST_KAFKA === 'external') throw new Error('needs the local broker: unset KAFKA_BROKERS');
  };

  it('logs through log4j into .hub/kafka/kafka.log', () => {
    requireLocal();
    expect(readFileSync(hubPaths().kafka.log, 'utf8')).toMatch(/Kafka Server started/);
  });

  it('survives a stop and a start of the local broker with its data, and signs in a principal added meanwhile', async () => {
    requireLocal();
    // A principal the storage has never seen (as after a department joins): the start must add it.
    const newcomer = `int-spec-${process.pid}`;
    const file = hubPaths().kafka.credentials;
    ensureLocalCredentials(file, [newcomer]);
    await stopLocalKafka();
    expect(await kafkaAnswers(kafka.brokers)).toBe(false);
    await expect(stopLocalKafka()).rejects.toThrow(/No local Kafka broker is running/);

    const restarted = await startLocalKafka();
    expect(restarted.startedHere).toBe(true);
    // A broker that ran before the test keeps running after it.
    if (kafka.startedHere) toStop.push(restarted);

    const replayed = await consumeOne(client, topic);
    expect(replayed.value?.toString()).toBe('hello from 承德');

    const signedIn = new Kafka({ brokers: kafka.brokers, sasl: infraKafkaSasl(newcomer), logLevel: logLevel.NOTHING });
    const asNewcomer = signedIn.admin();
    try {
      await asNewcomer.connect();
      expect((await asNewcomer.describeCluster()).brokers).toHaveLength(1);
    } finally {
      await asNewcomer.disconnect();
      const credentials = readKafkaCredentials(file);
      const { [newcomer]: _removed, ...others } = credentials.principals;
      writeFileSync(file, JSON.stringify({ ...credentials, principals: others }, null, 2) + '\n', { mode: 0o600 });
    }
  });
});

/**
 * Waits until the new topic's partition has its leader. Right after a creation, a broker busy deleting the logs of
 * earlier tests' topics can answer "does not host this topic-partition" (kafkajs' waitForLeaders gives up on that).
 */
async function untilLed(admin: Admin, topic: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      const [described] = (await admin.fetchTopicMetadata({ topics: [topic] })).topics;
      if (described.partitions.every((p) => p.leader >= 0)) return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
    }
    if (Date.now() > deadline) throw new Error(`${topic} has no leader after 60 s`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** Reads the first message of `topic` with a fresh consumer group. */
async function consumeOne(client: Kafka, topic: string): Promise<KafkaMessage> {
  const consumer = client.consumer({ groupId: `infra-int-spec-${Date.now()}` });
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    return await new Promise<KafkaMessage>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`No message on ${topic} within 30 s`)), 30_000);
      consumer
        .run({
          eachMessage: async ({ message }) => {
            clearTimeout(timer);
            resolve(message);
          },
        })
        .catch(reject);
    });
  } finally {
    await consumer.disconnect();
  }
}
