import { randomBytes, randomUUID } from 'node:crypto';
import { Partitioners } from 'kafkajs';
import {
  CloudEvent,
  EnterpriseDeregisteredV1,
  EnterpriseRegisteredV1,
  egressTopic,
  fromKafkaMessage,
  toKafkaMessage,
} from '@hub/contracts';
import { DEMO_ENTITLEMENTS, demoEnterprises, enterpriseDeregisteredEvent, enterpriseRegisteredEvent } from '@hub/demo';
import { RunningHubApp, startHubApp } from '@hub/platform';
import { HubClient, HubError } from '@hub/sdk';
import { IsolatedEnv, WebhookReceiver, eventually, isolatedEnv, readTopic, testKafka } from '@hub/testing';
import { seedDemoDelivery } from '../../../../tools/seed-delivery';
import { gatewayApp } from '../gateway.app';
import { DeliveriesRepository } from './deliveries.repository';
import { toGatewayEnv } from '../gateway.env';

const ADMIN_KEY = 'delivery-test-admin';
const ADMIN_SECRET = `admin-${randomBytes(16).toString('hex')}`;
/** Short back-off so that a test sees many retries; a long window so that nothing pauses unless a test wants it. */
const FAST_DELIVERY = {
  DELIVERY_BACKOFF_BASE_MS: '50',
  DELIVERY_BACKOFF_MAX_MS: '400',
  DELIVERY_RETRY_WINDOW_MS: '600000',
  DELIVERY_POLL_MS: '100',
  DELIVERY_TIMEOUT_MS: '2000',
};

interface Hub {
  iso: IsolatedEnv;
  apps: RunningHubApp[];
  admin: HubClient;
  start(variables?: Record<string, string>): Promise<RunningHubApp>;
  /** A newly registered system of the department, as a signed client. */
  system(department: string): Promise<HubClient>;
  /** A newly registered system's credential. */
  credential(department: string): Promise<{ accessKeyId: string; secret: string }>;
  /** Onto the canonical topic, stamped `timestamp` (ms) when given: as if the hub had accepted them then. */
  publish(events: CloudEvent[], timestamp?: number): Promise<void>;
  close(): Promise<void>;
}

async function hub(variables: Record<string, string> = {}): Promise<Hub> {
  const iso = await isolatedEnv();
  const apps: RunningHubApp[] = [];
  const start = async (more: Record<string, string> = {}): Promise<RunningHubApp> => {
    const env = toGatewayEnv(iso.env, {
      HUB_ADMIN_ACCESS_KEY_ID: ADMIN_KEY,
      HUB_ADMIN_SECRET: ADMIN_SECRET,
      ...FAST_DELIVERY,
      ...variables,
      ...more,
    });
    const app = await startHubApp(gatewayApp, env);
    apps.push(app);
    return app;
  };
  const first = await start();
  await eventually(() => expect(first.server.isJoined).toBe(true));
  const admin = new HubClient({ url: first.url, accessKeyId: ADMIN_KEY, secret: ADMIN_SECRET });
  const producer = testKafka(iso.brokers).producer({ createPartitioner: Partitioners.DefaultPartitioner });
  await producer.connect();
  const credential = async (department: string): Promise<{ accessKeyId: string; secret: string }> => {
    const registered = await admin.request<{ credential: { accessKeyId: string; secret: string } }>(
      'POST',
      '/v1/admin/systems',
      { body: { department, name: `system-${randomBytes(3).toString('hex')}` } },
    );
    return registered.credential;
  };
  return {
    iso,
    apps,
    admin,
    start,
    credential,
    async system(department) {
      return new HubClient({ url: first.url, ...(await credential(department)) });
    },
    // What the owners' systems publish reaches the canonical topic; the gateway takes it from there.
    async publish(events, timestamp) {
      const stamp = timestamp === undefined ? {} : { timestamp: String(timestamp) };
      await producer.send({
        topic: `${iso.topicPrefix}${EnterpriseRegisteredV1.topic}`,
        messages: events.map((e) => ({ ...toKafkaMessage(e, 'binary'), ...stamp })),
      });
    },
    async close() {
      await producer.disconnect();
      for (const app of apps) await app.close();
      await iso.dispose();
    },
  };
}

/** Per enterprise: registered, renamed, deregistered, registered again; the enterprises interleaved. */
function lifecycles(count: number, from: number): CloudEvent[] {
  const enterprises = demoEnterprises(count, from);
  const rounds: ((e: (typeof enterprises)[number]) => CloudEvent)[] = [
    (e: (typeof enterprises)[number]) => enterpriseRegisteredEvent(e, randomUUID()),
    (e: (typeof enterprises)[number]) => enterpriseRegisteredEvent({ ...e, name: `${e.name}（更名）` }, randomUUID()),
    (e: (typeof enterprises)[number]) => enterpriseDeregisteredEvent(e.uscc, '决议解散'),
    (e: (typeof enterprises)[number]) =>
      enterpriseRegisteredEvent({ ...e, name: `${e.name}（重新登记）` }, randomUUID()),
  ];
  return rounds.flatMap((round) => enterprises.map(round));
}

/** Registrations of the enterprise again, each under a name of its own: events of one key. */
function renaming(enterprise: ReturnType<typeof demoEnterprises>[number]): (n: number) => CloudEvent {
  return (n) => enterpriseRegisteredEvent({ ...enterprise, name: `${enterprise.name}-${n}` }, randomUUID());
}

function idsByKey(events: { id: string; subject?: string }[]): Map<string, string[]> {
  const byKey = new Map<string, string[]>();
  for (const e of events) byKey.set(e.subject!, [...(byKey.get(e.subject!) ?? []), e.id]);
  return byKey;
}

/** POST /v1/subscriptions as a department system sends it. */
function subscribe(
  client: HubClient,
  body: Record<string, unknown>,
): Promise<Record<string, unknown> & { id: string }> {
  return client.request('POST', '/v1/subscriptions', { body });
}

async function problemOf(request: Promise<unknown>): Promise<HubError> {
  const error = await request.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(HubError);
  return error as HubError;
}

describe('delivery to departments', () => {
  let h: Hub;
  let receiver: WebhookReceiver;
  let scjg: HubClient;

  // A receiver per test, so that one test's subscriptions never reach another's.
  beforeEach(async () => {
    receiver = await WebhookReceiver.start();
  });

  afterEach(async () => {
    await receiver.close();
  });

  beforeAll(async () => {
    h = await hub();
    for (const type of [EnterpriseRegisteredV1.type, EnterpriseDeregisteredV1.type]) {
      await h.admin.request('PUT', `/v1/admin/entitlements/SCJG/${type}`);
    }
    scjg = await h.system('SCJG');
  });

  afterAll(async () => {
    await h?.close();
  });

  it('refuses a subscription to a type the department is not entitled to, naming it', async () => {
    const yjj = await h.system('YJJ');
    const refused = await problemOf(
      subscribe(yjj, { eventTypes: [EnterpriseRegisteredV1.type], mode: 'webhook', webhookUrl: receiver.url }),
    );
    expect(refused.status).toBe(403);
    expect(refused.problem).toMatchObject({
      type: 'urn:hub:problem:forbidden',
      errors: [{ field: 'eventTypes[0]', rule: 'entitled' }],
    });
    const unknown = await problemOf(
      subscribe(scjg, { eventTypes: ['zone.approval.enterprise.vanished.v1'], mode: 'egress' }),
    );
    expect(unknown.status).toBe(400);
    expect(unknown.problem.errors).toEqual([expect.objectContaining({ field: 'eventTypes[0]', rule: 'registered' })]);
    const incomplete = await problemOf(subscribe(scjg, { eventTypes: [EnterpriseRegisteredV1.type], mode: 'webhook' }));
    expect(incomplete.status).toBe(400);
    expect(incomplete.problem.errors).toEqual([expect.objectContaining({ field: 'webhookUrl', rule: 'isDefined' })]);
    // Never the cloud's metadata service (nor, in production, plain http or the gateway's own host).
    const metadata = await problemOf(
      subscribe(scjg, {
        eventTypes: [EnterpriseRegisteredV1.type],
        mode: 'webhook',
        webhookUrl: 'http://169.254.169.254/latest/meta-data',
      }),
    );
    expect(metadata.status).toBe(400);
    expect(metadata.problem.errors).toEqual([expect.objectContaining({ field: 'webhookUrl', rule: 'webhookTarget' })]);
  });

  it('lets only the admin API grant entitlements, and shows a department its own', async () => {
    const denied = await problemOf(scjg.request('PUT', `/v1/admin/entitlements/SCJG/${EnterpriseRegisteredV1.type}`));
    expect(denied.status).toBe(403);
    const bad = await problemOf(h.admin.request('PUT', `/v1/admin/entitlements/NOPE/${EnterpriseRegisteredV1.type}`));
    expect(bad.status).toBe(400);
    expect(bad.problem.errors).toEqual([expect.objectContaining({ field: 'department', rule: 'isDepartmentCode' })]);
    const own = await scjg.request<{ eventType: string }[]>('GET', '/v1/entitlements');
    expect(own.map((e) => e.eventType).sort()).toEqual([EnterpriseDeregisteredV1.type, EnterpriseRegisteredV1.type]);
  });

  it('delivers every event once and in order per key to a receiver that fails for a while, then recovers', async () => {
    const subscription = await subscribe(scjg, {
      eventTypes: [EnterpriseRegisteredV1.type, EnterpriseDeregisteredV1.type],
      mode: 'webhook',
      webhookUrl: receiver.url,
    });
    receiver.secrets.push(subscription['webhookSecret'] as string);
    // Down for its first 25 calls: every key's first delivery fails several times, and later ones wait behind it.
    receiver.respond = (n) => (n < 25 ? 503 : 200);
    const events = lifecycles(5, 10_000);
    await h.publish(events);

    await eventually(() => expect(receiver.accepted).toHaveLength(events.length));
    expect(receiver.requests.filter((r) => !r.verified)).toEqual([]);
    expect(new Set(receiver.accepted.map((r) => r.event.id))).toEqual(new Set(events.map((e) => e.id)));
    expect(idsByKey(receiver.accepted.map((r) => r.event))).toEqual(idsByKey(events));

    const failed = await scjg.deliveries(subscription.id, { status: 'failed', limit: 50 });
    expect(failed).toEqual([]);
    const delivered = await scjg.deliveries(subscription.id, { status: 'delivered', limit: 50 });
    expect(delivered).toHaveLength(events.length);
    expect(delivered.some((d) => (d['attempts'] as number) > 1)).toBe(true);
    expect(new Set(delivered.map((d) => d['id']))).toEqual(new Set(receiver.accepted.map((r) => r.deliveryId)));
    await scjg.deleteSubscription(subscription.id);
  });

  it('replays what was recorded since a point in time, under new delivery ids', async () => {
    const subscription = await subscribe(scjg, {
      eventTypes: [EnterpriseRegisteredV1.type],
      mode: 'webhook',
      webhookUrl: receiver.url,
    });
    receiver.secrets.push(subscription['webhookSecret'] as string);
    const before = lifecycles(2, 20_000).filter((e) => e.type === EnterpriseRegisteredV1.type);
    await h.publish(before);
    await eventually(() => expect(before.every((e) => receiver.deliveriesOf(e.id).length === 1)).toBe(true));
    const since = new Date();
    const after = lifecycles(2, 21_000).filter((e) => e.type === EnterpriseRegisteredV1.type);
    await h.publish(after);
    await eventually(() => expect(after.every((e) => receiver.deliveriesOf(e.id).length === 1)).toBe(true));

    const replay = await scjg.request<{ replayed: number }>('POST', `/v1/subscriptions/${subscription.id}/replay`, {
      body: { since: since.toISOString() },
    });
    expect(replay.replayed).toBe(after.length);
    await eventually(() => expect(after.every((e) => receiver.deliveriesOf(e.id).length === 2)).toBe(true));
    expect(before.map((e) => receiver.deliveriesOf(e.id).length)).toEqual(before.map(() => 1));
    const replayed = (await scjg.deliveries(subscription.id, { limit: 50 })).filter((d) => d['replay'] === true);
    expect(replayed).toHaveLength(after.length);

    const tooOld = await problemOf(
      scjg.request('POST', `/v1/subscriptions/${subscription.id}/replay`, { body: { since: '2020-01-01T00:00:00Z' } }),
    );
    expect(tooOld.status).toBe(400);
    expect(tooOld.problem.errors).toEqual([expect.objectContaining({ field: 'since', rule: 'retention' })]);
    await scjg.deleteSubscription(subscription.id);
  });

  it('never sends what was withdrawn: types taken off the subscription, or no longer entitled', async () => {
    const subscription = await subscribe(scjg, {
      eventTypes: [EnterpriseRegisteredV1.type, EnterpriseDeregisteredV1.type],
      mode: 'webhook',
      webhookUrl: receiver.url,
    });
    receiver.secrets.push(subscription['webhookSecret'] as string);
    receiver.respond = () => 503;
    const [enterprise] = demoEnterprises(1, 35_000);
    const renamed = (n: number) =>
      enterpriseRegisteredEvent({ ...enterprise, name: `${enterprise.name}-${n}` }, randomUUID());
    const undelivered = async (): Promise<string[]> =>
      (await scjg.deliveries(subscription.id, { limit: 50 }))
        .filter((d) => d.status !== 'delivered')
        .map((d) => d.event.id)
        .reverse();
    const [r1, d1, r2] = [renamed(1), enterpriseDeregisteredEvent(enterprise.uscc, '决议解散'), renamed(2)];
    await h.publish([r1, d1, r2]);
    await eventually(async () => expect(await undelivered()).toEqual([r1.id, d1.id, r2.id]));
    // What waits behind a failing delivery is scheduled with it, not tried (nor looked at) before.
    await eventually(async () => {
      const [head, ...behind] = (await scjg.deliveries(subscription.id, { limit: 50 })).reverse();
      expect(head.status).toBe('failed');
      expect(behind.map((d) => [d.status, d.attempts, d.nextAttemptAt])).toEqual(
        behind.map(() => ['pending', 0, head.nextAttemptAt]),
      );
    });

    await scjg.updateSubscription(subscription.id, { eventTypes: [EnterpriseRegisteredV1.type] });
    expect(await undelivered()).toEqual([r1.id, r2.id]);
    await scjg.updateSubscription(subscription.id, {
      eventTypes: [EnterpriseRegisteredV1.type, EnterpriseDeregisteredV1.type],
    });
    const [d2, r3] = [enterpriseDeregisteredEvent(enterprise.uscc, '决议解散'), renamed(3)];
    await h.publish([d2, r3]);
    await eventually(async () => expect(await undelivered()).toEqual([r1.id, r2.id, d2.id, r3.id]));
    await h.admin.request('DELETE', `/v1/admin/entitlements/SCJG/${EnterpriseDeregisteredV1.type}`);
    expect(await undelivered()).toEqual([r1.id, r2.id, r3.id]);

    receiver.respond = () => 200;
    await eventually(async () => expect(await undelivered()).toEqual([]));
    expect(receiver.accepted.map((r) => r.event.id)).toEqual([r1.id, r2.id, r3.id]);
    await h.admin.request('PUT', `/v1/admin/entitlements/SCJG/${EnterpriseDeregisteredV1.type}`);
    await scjg.deleteSubscription(subscription.id);
  });

  it("forwards entitled events to the department's egress topic, keyed as they were", async () => {
    const subscription = await subscribe(scjg, {
      eventTypes: [EnterpriseRegisteredV1.type, EnterpriseDeregisteredV1.type],
      mode: 'egress',
    });
    const topic = `${h.iso.topicPrefix}${egressTopic('SCJG')}`;
    expect(subscription['topic']).toBe(topic);
    await h.admin.request('DELETE', `/v1/admin/entitlements/SCJG/${EnterpriseDeregisteredV1.type}`);
    const [enterprise] = demoEnterprises(1, 30_000);
    const registered = enterpriseRegisteredEvent(enterprise, randomUUID());
    const revoked = enterpriseDeregisteredEvent(enterprise.uscc, '决议解散');
    const marker = enterpriseRegisteredEvent({ ...enterprise, name: `${enterprise.name}（变更）` }, randomUUID());
    // One key, one partition: were the revoked type forwarded, it would come before the marker.
    await h.publish([registered, revoked, marker]);

    const messages = await readTopic(h.iso.brokers, topic, (m) => m.some((x) => x.headers['ce_id'] === marker.id));
    const events = messages.map((m) => {
      const decoded = fromKafkaMessage({ key: m.message.key, value: m.message.value, headers: m.message.headers });
      if (!decoded.ok) throw new Error(JSON.stringify(decoded.errors));
      return { event: decoded.event, key: m.message.key?.toString() };
    });
    expect(events.map((e) => e.event.id)).toEqual([registered.id, marker.id]);
    expect(events.map((e) => e.key)).toEqual([enterprise.uscc, enterprise.uscc]);
    expect(events[0].event).toMatchObject({ type: registered.type, source: registered.source, data: registered.data });
    // An event of a type no department may receive is not even kept for replays.
    const kept: { event_id: string }[] = await h.apps[0].dataSource.query(
      `SELECT event_id FROM gateway.delivery_event WHERE event_id = ANY($1)`,
      [[registered.id, revoked.id, marker.id]],
    );
    expect(kept.map((k) => k.event_id).sort()).toEqual([registered.id, marker.id].sort());
    // Nor is it decoded or applied: the consumer passed it over by its type header (no inbox row), on its partition
    // before the marker.
    const applied: { event_id: string }[] = await h.apps[0].dataSource.query(
      `SELECT event_id FROM gateway.inbox WHERE event_id = ANY($1)`,
      [[registered.id, revoked.id, marker.id]],
    );
    expect(applied.map((a) => a.event_id).sort()).toEqual([registered.id, marker.id].sort());
    const deliveries = await problemOf(scjg.deliveries(subscription.id));
    expect(deliveries.status).toBe(409);
    await h.admin.request('PUT', `/v1/admin/entitlements/SCJG/${EnterpriseDeregisteredV1.type}`);
    await scjg.deleteSubscription(subscription.id);
  });

  it('acts on a type from the moment its grant answers, though it passed the type over just before', async () => {
    const subscription = await subscribe(scjg, {
      eventTypes: [EnterpriseRegisteredV1.type, EnterpriseDeregisteredV1.type],
      mode: 'egress',
    });
    await h.admin.request('DELETE', `/v1/admin/entitlements/SCJG/${EnterpriseDeregisteredV1.type}`);
    const [enterprise] = demoEnterprises(1, 31_000);
    const before = enterpriseDeregisteredEvent(enterprise.uscc, '决议解散');
    const marker = enterpriseRegisteredEvent(enterprise, randomUUID());
    await h.publish([before, marker]);
    // The marker applied, the type has just been passed over: the consumer's reading of the types is fresh.
    await eventually(
      async () => {
        const rows: unknown[] = await h.apps[0].dataSource.query(`SELECT 1 FROM gateway.inbox WHERE event_id = $1`, [
          marker.id,
        ]);
        expect(rows).toHaveLength(1);
      },
      { intervalMs: 5 },
    );
    await h.admin.request('PUT', `/v1/admin/entitlements/SCJG/${EnterpriseDeregisteredV1.type}`);
    const after = enterpriseDeregisteredEvent(enterprise.uscc, '决议撤销');
    await h.publish([after]);

    const topic = `${h.iso.topicPrefix}${egressTopic('SCJG')}`;
    const messages = await readTopic(
      h.iso.brokers,
      topic,
      (m) => m.some((x) => x.headers['ce_id'] === after.id),
      20_000,
    );
    const ids = messages.map((m) => m.headers['ce_id']).filter((id) => [before.id, marker.id, after.id].includes(id!));
    expect(ids).toEqual([marker.id, after.id]);
    await scjg.deleteSubscription(subscription.id);
  });

  /** Waits until the gateway keeps these events for replays (SCJG's entitlement to their type makes it keep them). */
  async function kept(events: CloudEvent[]): Promise<void> {
    await eventually(async () => {
      const rows: unknown[] = await h.apps[0].dataSource.query(
        `SELECT 1 FROM gateway.delivery_event WHERE event_id = ANY($1)`,
        [events.map((e) => e.id)],
      );
      expect(rows).toHaveLength(events.length);
    });
  }

  /** A webhook subscription to this test's receiver, which then knows its secret. */
  async function subscribeByWebhook(client: HubClient, eventTypes: string[]): Promise<{ id: string }> {
    const subscription = await subscribe(client, { eventTypes, mode: 'webhook', webhookUrl: receiver.url });
    receiver.secrets.push(subscription['webhookSecret'] as string);
    return subscription;
  }

  async function grant(department: string, type: string): Promise<Date> {
    const granted = await h.admin.request<{ grantedAt: string }>('PUT', `/v1/admin/entitlements/${department}/${type}`);
    return new Date(granted.grantedAt);
  }

  it('sends a newly entitled department nothing the hub accepted before its grant, live or replayed', async () => {
    const [enterprise] = demoEnterprises(1, 36_000);
    const renamed = renaming(enterprise);
    // A week of 公安分局's events before it was entitled: SCJG's entitlement kept them.
    const earlier = [renamed(1), renamed(2)];
    await h.publish(earlier);
    await kept(earlier);
    const grantedAt = await grant('GAJ', EnterpriseRegisteredV1.type);
    const gaj = await h.system('GAJ');
    const subscription = await subscribeByWebhook(gaj, [EnterpriseRegisteredV1.type]);
    // Accepted before the grant, read after it (a relay or a consumer behind): not GAJ's either.
    const late = renamed(3);
    await h.publish([late], grantedAt.getTime() - 1_000);
    const after = [renamed(4), renamed(5)];
    await h.publish(after);
    // One key, one partition: the late one was matched before these were delivered.
    await eventually(() => expect(receiver.accepted.map((r) => r.event.id)).toEqual(after.map((e) => e.id)));

    const since = new Date(grantedAt.getTime() - 3_600_000).toISOString();
    const replay = await gaj.request<Record<string, unknown>>('POST', `/v1/subscriptions/${subscription.id}/replay`, {
      body: { since },
    });
    expect(replay).toEqual({
      subscriptionId: subscription.id,
      since,
      replayed: after.length,
      eventTypes: [
        { eventType: EnterpriseRegisteredV1.type, grantedAt: grantedAt.toISOString(), from: grantedAt.toISOString() },
      ],
    });
    await eventually(() => expect(after.map((e) => receiver.deliveriesOf(e.id).length)).toEqual([2, 2]));
    expect([...earlier, late].flatMap((e) => receiver.deliveriesOf(e.id))).toEqual([]);
    await gaj.deleteSubscription(subscription.id);
  });

  it('starts a regrant after a revocation at the new grant: nothing of the revoked interval on the egress topic', async () => {
    const [enterprise] = demoEnterprises(1, 37_000);
    const renamed = renaming(enterprise);
    await grant('RSJ', EnterpriseRegisteredV1.type);
    const rsj = await h.system('RSJ');
    const subscription = await subscribe(rsj, { eventTypes: [EnterpriseRegisteredV1.type], mode: 'egress' });
    const first = renamed(1);
    await h.publish([first]);
    const topic = `${h.iso.topicPrefix}${egressTopic('RSJ')}`;
    await readTopic(h.iso.brokers, topic, (m) => m.some((x) => x.headers['ce_id'] === first.id));
    await h.admin.request('DELETE', `/v1/admin/entitlements/RSJ/${EnterpriseRegisteredV1.type}`);
    const whileRevoked = renamed(2);
    await h.publish([whileRevoked]);
    await kept([whileRevoked]);
    const regrantedAt = await grant('RSJ', EnterpriseRegisteredV1.type);
    const late = renamed(3);
    await h.publish([late], regrantedAt.getTime() - 1);
    const after = renamed(4);
    await h.publish([after]);
    await kept([late, after]);

    const replay = await rsj.request<{ replayed: number; eventTypes: { from: string }[] }>(
      'POST',
      `/v1/subscriptions/${subscription.id}/replay`,
      { body: { since: new Date(regrantedAt.getTime() - 3_600_000).toISOString() } },
    );
    expect(replay.replayed).toBe(1);
    expect(replay.eventTypes.map((t) => t.from)).toEqual([regrantedAt.toISOString()]);
    // One key, one partition: what the topic holds, in order, once the replayed copy of the last one is there.
    const messages = await readTopic(
      h.iso.brokers,
      topic,
      (m) => m.filter((x) => x.headers['ce_id'] === after.id).length === 2,
    );
    expect(messages.map((m) => m.headers['ce_id'])).toEqual([first.id, after.id, after.id]);
    await rsj.deleteSubscription(subscription.id);
  });

  it("keeps each department's subscriptions its own and validates the deliveries query", async () => {
    const subscription = await subscribe(scjg, {
      eventTypes: [EnterpriseRegisteredV1.type],
      mode: 'webhook',
      webhookUrl: receiver.url,
    });
    const other = await h.system('YJJ');
    expect((await problemOf(other.getSubscription(subscription.id))).status).toBe(404);
    expect((await problemOf(other.deliveries(subscription.id))).status).toBe(404);
    expect(await other.listSubscriptions()).toEqual([]);
    const bad = await problemOf(scjg.deliveries(subscription.id, { status: 'lost', limit: 9999 }));
    expect(bad.status).toBe(400);
    expect(bad.problem.errors!.map((e) => `${e.field}:${e.rule}`).sort()).toEqual(['limit:max', 'status:isIn']);
    await scjg.deleteSubscription(subscription.id);
    expect((await problemOf(scjg.getSubscription(subscription.id))).status).toBe(404);
  });

  it('sends each delivery once with two replicas, and carries on when one stops', async () => {
    const subscription = await subscribe(scjg, {
      eventTypes: [EnterpriseRegisteredV1.type, EnterpriseDeregisteredV1.type],
      mode: 'webhook',
      webhookUrl: receiver.url,
    });
    receiver.secrets.push(subscription['webhookSecret'] as string);
    const second = await h.start();
    const first = h.apps[0];
    const events = lifecycles(6, 40_000);
    await h.publish(events.slice(0, 12));
    await eventually(() => expect(receiver.requests.length).toBeGreaterThan(0));
    await first.close();
    h.apps.splice(h.apps.indexOf(first), 1);
    const client = new HubClient({ url: second.url, accessKeyId: ADMIN_KEY, secret: ADMIN_SECRET });
    expect((await client.request<unknown[]>('GET', '/v1/admin/entitlements')).length).toBeGreaterThan(0);
    await h.publish(events.slice(12));

    await eventually(() => expect(receiver.accepted).toHaveLength(events.length), { timeoutMs: 120_000 });
    expect(idsByKey(receiver.accepted.map((r) => r.event))).toEqual(idsByKey(events));
    // The stopping replica finished and recorded its calls: nothing was sent twice.
    expect(receiver.requests).toHaveLength(events.length);
  });
});

describe('a subscription whose deliveries keep failing', () => {
  let h: Hub;
  let receiver: WebhookReceiver;

  beforeAll(async () => {
    h = await hub({
      DELIVERY_BACKOFF_BASE_MS: '100',
      DELIVERY_BACKOFF_MAX_MS: '200',
      DELIVERY_RETRY_WINDOW_MS: '1500',
    });
    receiver = await WebhookReceiver.start();
    await h.admin.request('PUT', `/v1/admin/entitlements/SCJG/${EnterpriseRegisteredV1.type}`);
  });

  afterAll(async () => {
    await receiver?.close();
    await h?.close();
  });

  it('is paused after the retry window, holds what comes meanwhile, and on resume sends it all in order', async () => {
    const scjg = await h.system('SCJG');
    const subscription = await subscribe(scjg, {
      eventTypes: [EnterpriseRegisteredV1.type],
      mode: 'webhook',
      webhookUrl: receiver.url,
    });
    receiver.secrets.push(subscription['webhookSecret'] as string);
    receiver.respond = () => 503;
    const early = lifecycles(2, 50_000).filter((e) => e.type === EnterpriseRegisteredV1.type);
    await h.publish(early);

    const paused = await eventually(async () => {
      const view = await scjg.getSubscription(subscription.id);
      expect(view['status']).toBe('paused');
      return view;
    });
    expect(paused['pauseReason']).toMatch(/failed for 1\.5 s; last: HTTP 503/);
    expect(paused['deliveries']).toMatchObject({ pending: early.length - 2, failed: 2 });

    const late = lifecycles(2, 51_000).filter((e) => e.type === EnterpriseRegisteredV1.type);
    await h.publish(late);
    const held = await eventually(async () => {
      const list = await scjg.deliveries(subscription.id, { status: 'pending' });
      expect(list.length).toBe(early.length - 2 + late.length);
      return list;
    });
    expect(held.every((d) => d['nextAttemptAt'] === null)).toBe(true);

    receiver.respond = () => 200;
    const resumed = await scjg.updateSubscription(subscription.id, { status: 'active' });
    expect(resumed).toMatchObject({ status: 'active', pausedAt: null, pauseReason: null });
    const all = [...early, ...late];
    await eventually(() => expect(receiver.accepted).toHaveLength(all.length));
    expect(idsByKey(receiver.accepted.map((r) => r.event))).toEqual(idsByKey(all));
    expect(receiver.requests.filter((r) => !r.verified)).toEqual([]);
  });

  it("seeds the demo entitlements and 市场监管分局's egress subscription, the same however often it runs", async () => {
    const credential = await h.credential('SCJG');
    const url = h.apps[0].url;
    const summary = await seedDemoDelivery(url, { accessKeyId: ADMIN_KEY, secret: ADMIN_SECRET }, credential);
    await seedDemoDelivery(url, { accessKeyId: ADMIN_KEY, secret: ADMIN_SECRET }, credential);

    const granted = await h.admin.request<{ department: string; eventType: string }[]>('GET', '/v1/admin/entitlements');
    const expected = DEMO_ENTITLEMENTS.flatMap((e) => e.eventTypes.map((t) => `${e.department}/${t}`));
    expect(granted.map((e) => `${e.department}/${e.eventType}`).sort()).toEqual([...expected].sort());
    const own = await new HubClient({ url, ...credential }).request<{ id: string; mode: string }[]>(
      'GET',
      '/v1/subscriptions',
    );
    expect(own.filter((s) => s.mode === 'egress')).toHaveLength(1);
    expect(summary).toContain(`${h.iso.topicPrefix}${egressTopic('SCJG')}`);
  });

  it('forgets, after the retention period, what was delivered and the events no undelivered delivery needs', async () => {
    const scjg = await h.system('SCJG');
    const subscription = await subscribe(scjg, {
      eventTypes: [EnterpriseRegisteredV1.type],
      mode: 'webhook',
      webhookUrl: receiver.url,
    });
    receiver.respond = () => 503;
    const [waiting] = lifecycles(1, 52_000);
    await h.publish([waiting]);
    await eventually(async () => expect(await scjg.deliveries(subscription.id)).toHaveLength(1));
    const { dataSource } = h.apps[0];
    const count = async (sql: string): Promise<number> => (await dataSource.query(sql))[0].n;
    expect(await count(`SELECT count(*)::int AS n FROM gateway.delivery WHERE status = 'delivered'`)).toBeGreaterThan(
      0,
    );
    // Everything so far happened 200 hours ago, as far as the tables know.
    await dataSource.query(`UPDATE gateway.delivery SET delivered_at = delivered_at - interval '200 hours'`);
    await dataSource.query(`UPDATE gateway.delivery_event SET recorded_at = recorded_at - interval '200 hours'`);

    const retention = new Date(Date.now() - 168 * 3_600_000);
    const pruned = await DeliveriesRepository.prune(dataSource.manager, retention, 5_000);
    expect(pruned.deliveries).toBeGreaterThan(0);
    expect(await count(`SELECT count(*)::int AS n FROM gateway.delivery WHERE status = 'delivered'`)).toBe(0);
    const kept = await dataSource.query(`SELECT event_id FROM gateway.delivery_event`);
    expect(kept).toEqual([{ event_id: waiting.id }]);
    expect((await scjg.deliveries(subscription.id)).map((d) => d.status)).not.toContain('delivered');
  });
});
