import { randomBytes } from 'node:crypto';
import { EnterpriseDeregisteredV1, EnterpriseRegisteredV1, egressTopic, fromKafkaMessage } from '@hub/contracts';
import { demoEnterprises } from '@hub/demo';
import { CloudEventInput, HubClient, SentCloudEvent } from '@hub/sdk';
import {
  AppProcess,
  IsolatedEnv,
  WebhookReceiver,
  eventually,
  isolatedEnv,
  startAppProcess,
  testKafka,
} from '@hub/testing';

const ADMIN = { accessKeyId: 'e2e-delivery-admin', secret: `e2e-delivery-${randomBytes(12).toString('hex')}` };

/**
 * Delivery as department systems live it, against the gateway as a process on the real broker and database: the
 * 审批局's system publishes over signed HTTP; 市场监管分局 receives by signed webhook and on its egress topic.
 */
describe('delivery to departments, end to end', () => {
  let iso: IsolatedEnv;
  let env: Record<string, string>;
  let gateway: AppProcess;
  let receiver: WebhookReceiver;
  let spj: HubClient;
  let spjCredential: { accessKeyId: string; secret: string };
  let scjg: HubClient;
  let scjgCredential: { accessKeyId: string; secret: string };
  let spjSource: string;

  const client = (credential: { accessKeyId: string; secret: string }): HubClient =>
    new HubClient({ url: gateway.url, ...credential, retries: 5 });
  const register = async (department: string, name: string) => {
    const { credential } = await client(ADMIN).request<{ credential: { accessKeyId: string; secret: string } }>(
      'POST',
      '/v1/admin/systems',
      { body: { department, name } },
    );
    return credential;
  };

  beforeAll(async () => {
    iso = await isolatedEnv();
    env = {
      KAFKA_BROKERS: iso.brokers.join(','),
      DATABASE_URL: iso.databaseUrl,
      KAFKA_TOPIC_PREFIX: iso.topicPrefix,
      KAFKA_PARTITIONS: '2',
      LOG_LEVEL: 'warn',
      HUB_ADMIN_ACCESS_KEY_ID: ADMIN.accessKeyId,
      HUB_ADMIN_SECRET: ADMIN.secret,
      DELIVERY_BACKOFF_BASE_MS: '100',
      DELIVERY_BACKOFF_MAX_MS: '500',
      DELIVERY_POLL_MS: '200',
    };
    gateway = await startAppProcess('gateway', env);
    receiver = await WebhookReceiver.start();
    for (const type of [EnterpriseRegisteredV1.type, EnterpriseDeregisteredV1.type]) {
      await client(ADMIN).request('PUT', `/v1/admin/entitlements/SCJG/${type}`);
    }
    spjCredential = await register('SPJ', 'registration');
    spjSource = '/departments/SPJ/systems/registration';
    spj = client(spjCredential);
    scjgCredential = await register('SCJG', 'supervision');
    scjg = client(scjgCredential);
  });

  afterAll(async () => {
    await receiver?.close();
    await gateway?.stop();
    await iso?.dispose();
  });

  /** Per enterprise: registered, renamed, deregistered, registered again, as the 审批局's system publishes them. */
  const lifecycles = (count: number, from: number): SentCloudEvent[] => {
    const enterprises = demoEnterprises(count, from);
    const event = <T extends { uscc: string }>(type: string, data: T): SentCloudEvent =>
      HubClient.complete({ source: spjSource, type, subject: data.uscc, department: 'SPJ', data } as CloudEventInput);
    return [
      ...enterprises.map((e) => event(EnterpriseRegisteredV1.type, e)),
      ...enterprises.map((e) => event(EnterpriseRegisteredV1.type, { ...e, name: `${e.name}（更名）` })),
      ...enterprises.map((e) => event(EnterpriseDeregisteredV1.type, deregistration(e.uscc))),
      ...enterprises.map((e) => event(EnterpriseRegisteredV1.type, { ...e, name: `${e.name}（重新登记）` })),
    ];
  };
  const deregistration = (uscc: string) => ({ uscc, deregisteredOn: '2026-11-27', reason: '决议解散' });
  const idsByKey = (events: { id: string; subject?: string }[]): Map<string, string[]> => {
    const byKey = new Map<string, string[]>();
    for (const e of events) byKey.set(e.subject!, [...(byKey.get(e.subject!) ?? []), e.id]);
    return byKey;
  };

  it('gets every event to a failing, then recovering, receiver once and in order per key, across a gateway crash', async () => {
    const subscription = await scjg.createSubscription({
      eventTypes: [EnterpriseRegisteredV1.type, EnterpriseDeregisteredV1.type],
      mode: 'webhook',
      webhookUrl: receiver.url,
    });
    receiver.secrets.push(subscription.webhookSecret!);
    receiver.respond = (n) => (n < 40 ? 503 : 200);
    const events = lifecycles(10, 300_000);
    const published = await spj.publishBatch(events);
    expect(published.status).toBe(202);

    // The receiver is failing; the gateway dies without warning in the middle of its retries.
    await eventually(() => expect(receiver.requests.length).toBeGreaterThan(10));
    await gateway.kill();
    gateway = await startAppProcess('gateway', env);
    spj = client(spjCredential);
    scjg = client(scjgCredential);

    await eventually(() => expect(receiver.accepted).toHaveLength(events.length), { timeoutMs: 180_000 });
    expect(receiver.requests.some((r) => r.status === 503)).toBe(true);
    expect(receiver.requests.filter((r) => !r.verified)).toEqual([]);
    // Receivers de-duplicate by Hub-Delivery-Id: one accepted delivery per event, none missing, in order per key.
    expect(receiver.accepted.map((r) => r.event.id).sort()).toEqual(events.map((e) => e.id).sort());
    expect(idsByKey(receiver.accepted.map((r) => r.event))).toEqual(idsByKey(events));
    const failed = await scjg.deliveries(subscription.id, { status: 'failed', limit: 50 });
    expect(failed).toEqual([]);
  });

  it('puts the events on the egress topic for a Kafka subscriber, keyed by enterprise', async () => {
    const subscription = await scjg.createSubscription({
      eventTypes: [EnterpriseRegisteredV1.type, EnterpriseDeregisteredV1.type],
      mode: 'egress',
    });
    const topic = `${iso.topicPrefix}${egressTopic('SCJG')}`;
    expect(subscription.topic).toBe(topic);
    const events = lifecycles(5, 310_000);
    expect((await spj.publishBatch(events)).status).toBe(202);

    // The department's own consumer: plain kafkajs, its own group, the CloudEvents Kafka binding.
    const consumer = testKafka(iso.brokers).consumer({ groupId: `scjg-${randomBytes(4).toString('hex')}` });
    const received: { id: string; subject?: string; key: string | undefined; type: string }[] = [];
    await consumer.connect();
    try {
      await consumer.subscribe({ topic, fromBeginning: true });
      await consumer.run({
        eachMessage: async ({ message }) => {
          const decoded = fromKafkaMessage({ key: message.key, value: message.value, headers: message.headers });
          if (!decoded.ok) throw new Error(JSON.stringify(decoded.errors));
          received.push({ ...decoded.event, key: message.key?.toString() });
        },
      });
      await eventually(() => expect(received).toHaveLength(events.length), { timeoutMs: 120_000 });
    } finally {
      await consumer.disconnect();
    }
    expect(idsByKey(received)).toEqual(idsByKey(events));
    expect(received.every((r) => r.key === r.subject)).toBe(true);
  });
});
