import { Kafka, KafkaJSProtocolError, Partitioners, logLevel } from 'kafkajs';
import { Topics, ingressTopic } from '@hub/contracts';
import { kafkaCredentials } from '@hub/infra';
import { ensureTopics } from '@hub/messaging';
import { IsolatedEnv, isolatedEnv, testKafka } from '@hub/testing';

/** What the broker answers a principal writing one record to `topic`: 'written', or the refusal's protocol error. */
async function writeAs(kafka: Kafka, topic: string): Promise<string> {
  const producer = kafka.producer({
    createPartitioner: Partitioners.DefaultPartitioner,
    allowAutoTopicCreation: false,
    retry: { retries: 0 },
  });
  try {
    await producer.connect();
    await producer.send({ topic, acks: -1, messages: [{ key: '91130800MA0CXXXX1J', value: '{}' }] });
    return 'written';
  } catch (error) {
    return refusal(error);
  } finally {
    await producer.disconnect();
  }
}

/** The broker's protocol error under kafkajs' wrappers, else the error's name and message. */
function refusal(error: unknown): string {
  for (let cause = error; cause instanceof Error;) {
    if (cause instanceof KafkaJSProtocolError) return cause.type;
    const inner = cause as Error & { originalError?: unknown; cause?: unknown };
    cause = inner.originalError ?? inner.cause;
  }
  const { name, message } = error as Error;
  return `${name}: ${message}`;
}

describe('the broker authenticates every client and authorizes by the ACLs derived from the contracts', () => {
  let iso: IsolatedEnv;
  const topic = (name: string): string => `${iso.topicPrefix}${name}`;

  beforeAll(async () => {
    // Without credentials there is nothing to test: the broker would be open (a test container).
    if (!kafkaCredentials()) throw new Error('needs an authenticated broker: the local one, or KAFKA_CREDENTIALS_FILE');
    iso = await isolatedEnv();
    await ensureTopics(
      testKafka(iso.brokers),
      [ingressTopic('SPJ'), ingressTopic('SCJG'), Topics.ApprovalLicenceV1, Topics.SupervisionPushV1].map(topic),
      1,
    );
  });

  afterAll(async () => {
    await iso?.dispose();
  });

  it("refuses the 审批局's principal a write to the 市场监管分局's ingress topic, and lets each write its own", async () => {
    expect(await writeAs(testKafka(iso.brokers, 'spj'), topic(ingressTopic('SCJG')))).toBe(
      'TOPIC_AUTHORIZATION_FAILED',
    );
    expect(await writeAs(testKafka(iso.brokers, 'scjg'), topic(ingressTopic('SCJG')))).toBe('written');
    expect(await writeAs(testKafka(iso.brokers, 'spj'), topic(ingressTopic('SPJ')))).toBe('written');
  });

  it('refuses a department a write to a canonical topic: only the gateway relays what it validated there', async () => {
    expect(await writeAs(testKafka(iso.brokers, 'spj'), topic(Topics.ApprovalLicenceV1))).toBe(
      'TOPIC_AUTHORIZATION_FAILED',
    );
    expect(await writeAs(testKafka(iso.brokers, 'gateway'), topic(Topics.ApprovalLicenceV1))).toBe('written');
  });

  it("refuses an app a write to another app's topic, and lets it write its own", async () => {
    expect(await writeAs(testKafka(iso.brokers, 'approval'), topic(Topics.SupervisionPushV1))).toBe(
      'TOPIC_AUTHORIZATION_FAILED',
    );
    expect(await writeAs(testKafka(iso.brokers, 'supervision'), topic(Topics.SupervisionPushV1))).toBe('written');
  });

  it('refuses a client that does not authenticate, and one with a wrong password', async () => {
    const anonymous = new Kafka({
      clientId: 'anonymous',
      brokers: iso.brokers,
      logLevel: logLevel.NOTHING,
      connectionTimeout: 2_000,
      retry: { retries: 0 },
    });
    expect(await writeAs(anonymous, topic(ingressTopic('SPJ')))).toMatch(/^KafkaJS\w+: .*closed connection/i);

    const impostor = new Kafka({
      clientId: 'impostor',
      brokers: iso.brokers,
      sasl: { mechanism: 'scram-sha-512', username: 'hub-spj', password: 'not-the-password' },
      logLevel: logLevel.NOTHING,
      retry: { retries: 0 },
    });
    expect(await writeAs(impostor, topic(ingressTopic('SPJ')))).toMatch(/SASL|authentication/i);
  });
});
