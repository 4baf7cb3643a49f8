import { randomBytes, randomUUID } from 'node:crypto';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { verifyWebhook } from '@hub/auth';
import { EnterpriseRegisteredV1, eventTypeRegistry } from '@hub/contracts';
import { demoEnterprises, enterpriseRegisteredEvent } from '@hub/demo';
import { RunningHubApp, startHubApp } from '@hub/platform';
import { HubClient, HubError } from '@hub/sdk';
import { IsolatedEnv, eventually, isolatedEnv, readTopic } from '@hub/testing';
import { gatewayApp } from '../../apps/gateway/src/gateway.app';
import { toGatewayEnv } from '../../apps/gateway/src/gateway.env';

const ADMIN_KEY = 'sdk-test-admin';
const ADMIN_SECRET = randomBytes(24).toString('base64url');

/** The SDK against the real gateway (in-process), PostgreSQL and Kafka, as a department system uses it. */
describe('HubClient against the gateway', () => {
  let iso: IsolatedEnv;
  let gateway: RunningHubApp;
  let admin: HubClient;
  let spj: HubClient;
  let scjg: HubClient;

  const register = async (department: string, name: string): Promise<HubClient> => {
    const { credential } = await admin.request<{ credential: { accessKeyId: string; secret: string } }>(
      'POST',
      '/v1/admin/systems',
      {
        body: { department, name },
      },
    );
    return new HubClient({ url: gateway.url, ...credential });
  };

  beforeAll(async () => {
    iso = await isolatedEnv();
    gateway = await startHubApp(
      gatewayApp,
      toGatewayEnv(iso.env, { HUB_ADMIN_ACCESS_KEY_ID: ADMIN_KEY, HUB_ADMIN_SECRET: ADMIN_SECRET }),
    );
    admin = new HubClient({ url: gateway.url, accessKeyId: ADMIN_KEY, secret: ADMIN_SECRET });
    // demo events come from /departments/SPJ/systems/registration: the source names the sending system.
    spj = await register('SPJ', 'registration');
    scjg = await register('SCJG', 'supervision-desk');
  });

  afterAll(async () => {
    await gateway?.close();
    await iso?.dispose();
  });

  const newEvent = (n: number) => enterpriseRegisteredEvent(demoEnterprises(1, 900_000 + n)[0]!, randomUUID());

  it('knows who it is', async () => {
    expect(await spj.me()).toMatchObject({ department: 'SPJ' });
  });

  it('publishes one event and gets a receipt; the event reaches its Kafka topic', async () => {
    const event = newEvent(1);
    const receipt = await spj.publish(event);
    expect(receipt).toMatchObject({ id: event.id, source: event.source, type: event.type, duplicate: false });
    expect(receipt.hubId).toMatch(/^[0-9a-f-]{36}$/);
    expect(receipt.topic).toContain(EnterpriseRegisteredV1.topic);
    expect(Number.isNaN(Date.parse(receipt.acceptedAt))).toBe(false);
    const topic = `${iso.topicPrefix}${EnterpriseRegisteredV1.topic}`;
    const seen = await readTopic(iso.brokers, topic, (messages) =>
      messages.some((m) => m.headers['ce_id'] === event.id),
    );
    expect(seen.filter((m) => m.headers['ce_id'] === event.id)).toHaveLength(1);
  });

  it("asks what became of an event: relayed, and past the gateway's own consumer; no other department may ask", async () => {
    const event = newEvent(50);
    await spj.publish(event);
    const status = await eventually(async () => {
      const current = await spj.eventStatus(event.id);
      expect(current.consumers).toContainEqual({ consumer: `${iso.topicPrefix}gateway`, status: 'consumed' });
      // The relay records `relayed` once the broker acknowledged, which a consumer may beat.
      expect(current.state).toBe('relayed');
      return current;
    });
    expect(status).toMatchObject({ id: event.id, source: event.source, state: 'relayed', deadLetters: [] });
    expect(status.position).toEqual({ partition: expect.any(Number), offset: expect.stringMatching(/^\d+$/) });
    await expect(scjg.eventStatus(event.id)).rejects.toMatchObject({ status: 404 });
    expect(await spj.deadLetters({ since: new Date(Date.now() - 60_000) })).toEqual([]);
  });

  it('gets the original receipt for a duplicate, in either mode', async () => {
    const event = newEvent(2);
    const first = await spj.publish(event, 'binary');
    const again = await spj.publish(event);
    expect(again).toEqual({ ...first, duplicate: true });
  });

  it("publishes a batch and reads each event's outcome", async () => {
    const good = newEvent(3);
    const bad = { ...newEvent(4), data: { ...newEvent(4).data, establishedOn: 'yesterday' } };
    const result = await spj.publishBatch([good, bad]);
    expect(result.status).toBe(207);
    expect(result.results[0]).toMatchObject({ index: 0, ok: true, receipt: { id: good.id, duplicate: false } });
    expect(result.results[1]).toMatchObject({ index: 1, ok: false, problem: { status: 400 } });
    const refused = result.results[1];
    expect(refused?.ok === false && refused.problem.errors).toContainEqual(
      expect.objectContaining({ field: 'data.establishedOn' }),
    );
  });

  it('throws a HubError naming every failing field of an invalid event', async () => {
    const event = { ...newEvent(5), subject: 'not-the-key' };
    const error = (await spj.publish(event).catch((e: unknown) => e)) as HubError;
    expect(error).toBeInstanceOf(HubError);
    expect(error.status).toBe(400);
    expect(error.errors).toContainEqual(expect.objectContaining({ field: 'subject' }));
  });

  it('is refused with 403 when its department does not own the type', async () => {
    const event = { ...newEvent(6), source: '/departments/SCJG/systems/supervision-desk', department: 'SCJG' };
    const error = (await scjg.publish(event).catch((e: unknown) => e)) as HubError;
    expect(error).toBeInstanceOf(HubError);
    expect(error.status).toBe(403);
    expect(error.problemType).toBe('forbidden');
  });

  it('is refused with 401 when its secret is wrong', async () => {
    const credential = { accessKeyId: (await spj.me())['accessKeyId'] as string, secret: 'not-the-secret-at-all' };
    const wrong = new HubClient({ url: gateway.url, ...credential });
    const error = (await wrong.publish(newEvent(7)).catch((e: unknown) => e)) as HubError;
    expect(error.status).toBe(401);
    expect(error.problem.type).toMatch(/^urn:hub:problem:/);
  });

  it('reads the event catalogue', async () => {
    const types = await scjg.eventTypes({ owner: 'SPJ' });
    expect(types.map((t) => t.type)).toContain(EnterpriseRegisteredV1.type);
    const one = await scjg.eventType(EnterpriseRegisteredV1.type);
    expect(one.schema).toEqual(eventTypeRegistry.jsonSchema(EnterpriseRegisteredV1.type));
  });

  describe('subscriptions', () => {
    let receiver: Server;
    let receiverUrl: string;
    const received: { headers: Record<string, string | string[] | undefined>; body: string }[] = [];

    beforeAll(async () => {
      receiver = createServer((req, res) => {
        const chunks: Buffer[] = [];
        req.on('data', (c: Buffer) => chunks.push(c));
        req.on('end', () => {
          received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
          res.writeHead(204).end();
        });
      });
      await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
      receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hub`;
      await admin.request('PUT', `/v1/admin/entitlements/SCJG/${EnterpriseRegisteredV1.type}`);
    });
    afterAll(() => new Promise<void>((resolve) => receiver.close(() => resolve())));

    it('lists what the department may subscribe to', async () => {
      expect(await scjg.entitlements()).toContainEqual(
        expect.objectContaining({ department: 'SCJG', eventType: EnterpriseRegisteredV1.type }),
      );
    });

    it('subscribes to the egress topic and finds the event there', async () => {
      const subscription = await scjg.createSubscription({ eventTypes: [EnterpriseRegisteredV1.type], mode: 'egress' });
      expect(subscription).toMatchObject({ department: 'SCJG', mode: 'egress', status: 'active' });
      expect(subscription.topic).toContain('zone.egress.scjg.v1');
      const event = newEvent(20);
      await spj.publish(event);
      const seen = await readTopic(iso.brokers, subscription.topic!, (m) =>
        m.some((x) => x.headers['ce_id'] === event.id),
      );
      expect(seen.filter((x) => x.headers['ce_id'] === event.id)).toHaveLength(1);
      await scjg.deleteSubscription(subscription.id);
      await expect(scjg.getSubscription(subscription.id)).rejects.toMatchObject({ status: 404 });
    });

    it('subscribes a webhook, verifies what it receives, reads the deliveries and replays them', async () => {
      const subscription = await scjg.createSubscription({
        eventTypes: [EnterpriseRegisteredV1.type],
        mode: 'webhook',
        webhookUrl: receiverUrl,
      });
      expect(subscription.webhookSecret).toEqual(expect.any(String));
      const started = new Date(Date.now() - 1000);
      const event = newEvent(21);
      await spj.publish(event);
      const delivered = await eventually(async () => {
        const deliveries = await scjg.deliveries(subscription.id, { status: 'delivered' });
        expect(deliveries.map((d) => d.event.id)).toContain(event.id);
        return deliveries.find((d) => d.event.id === event.id)!;
      });
      expect(delivered).toMatchObject({ status: 'delivered', attempts: 1, lastStatusCode: 204 });
      const arrival = received.find((r) => r.body.includes(event.id))!;
      expect(arrival.headers['hub-delivery-id']).toBe(delivered.id);
      const check = verifyWebhook({
        secrets: [subscription.webhookSecret!],
        timestamp: arrival.headers['hub-timestamp'] as string,
        signature: arrival.headers['hub-signature'] as string,
        body: arrival.body,
      });
      expect(check.ok).toBe(true);

      const replay = await scjg.replay(subscription.id, started);
      expect(replay).toMatchObject({ subscriptionId: subscription.id });
      expect(replay.replayed).toBeGreaterThanOrEqual(1);
      await eventually(() =>
        expect(received.filter((r) => r.body.includes(event.id)).length).toBeGreaterThanOrEqual(2),
      );

      const paused = await scjg.updateSubscription(subscription.id, { status: 'paused' });
      expect(paused.status).toBe('paused');
      expect((await scjg.listSubscriptions()).map((s) => s.id)).toContain(subscription.id);
    });

    it('is refused a subscription to a type its department is not entitled to', async () => {
      const error = (await spj
        .createSubscription({ eventTypes: [EnterpriseRegisteredV1.type], mode: 'egress' })
        .catch((e: unknown) => e)) as HubError;
      expect(error).toBeInstanceOf(HubError);
      expect(error.status).toBe(403);
    });
  });
});
