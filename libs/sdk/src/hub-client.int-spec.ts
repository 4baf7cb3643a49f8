import { randomBytes, randomUUID } from 'node:crypto';
import { EnterpriseRegisteredV1, eventTypeRegistry } from '@hub/contracts';
import { demoEnterprises, enterpriseRegisteredEvent } from '@hub/demo';
import { RunningHubApp, startHubApp } from '@hub/platform';
import { IsolatedEnv, isolatedEnv, readTopic } from '@hub/testing';
import { gatewayApp } from '../../../apps/gateway/src/gateway.app';
import { toGatewayEnv } from '../../../apps/gateway/src/gateway.env';
import { HubClient } from './hub-client';
import { HubError } from './hub-error';

const ADMIN_KEY = 'sdk-test-admin';
const ADMIN_SECRET = randomBytes(24).toString('base64url');

/** The SDK against the real gateway (in-process), PostgreSQL and Kafka, as a department system uses it. */
describe('HubClient against the gateway', () => {
  let iso: IsolatedEnv;
  let gateway: RunningHubApp;
  let spj: HubClient;
  let scjg: HubClient;

  const register = async (department: string, name: string): Promise<HubClient> => {
    const admin = new HubClient({ url: gateway.url, accessKeyId: ADMIN_KEY, secret: ADMIN_SECRET });
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
});
