import { Controller, Module } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { CloudEvent, EnterpriseDeregisteredV1, EnterpriseRegisteredV1, toKafkaMessage } from '@hub/contracts';
import { demoEnterprises, enterpriseDeregisteredEvent, enterpriseRegisteredEvent } from '@hub/demo';
import { OnEvent } from '@hub/messaging';
import { IsolatedEnv, eventually, isolatedEnv, readTopic, testKafka } from '@hub/testing';
import { HubAppDefinition, RunningHubApp, startHubApp } from './hub-app';

const applied: CloudEvent[] = [];
const markers: string[] = [];

@Controller()
class Handlers {
  @OnEvent(EnterpriseRegisteredV1.type)
  registered(@Payload() event: CloudEvent): void {
    applied.push(event);
  }

  // Same topic, same key: once this one is handled, the events before it on the partition were dealt with.
  @OnEvent(EnterpriseDeregisteredV1.type)
  deregistered(@Payload() event: CloudEvent): void {
    markers.push(event.id);
  }
}

@Module({ controllers: [Handlers] })
class HandlersModule {}

const app: HubAppDefinition = { name: 'registry', modules: [HandlersModule], entities: [], migrations: [] };

/** Issue 14 item 9: a consumer on an older build than its publisher, on the real broker. */
describe('a consumer reading a newer build of a known version', () => {
  let iso: IsolatedEnv;
  let hub: RunningHubApp;

  beforeAll(async () => {
    iso = await isolatedEnv();
    hub = await startHubApp(app, iso.env);
    await eventually(() => expect(hub.server.isJoined).toBe(true));
  });

  afterAll(async () => {
    await hub?.close();
    await iso?.dispose();
  });

  it('applies an event with a property its contract does not know yet, and still dead-letters a broken one and one beyond the limits, at once', async () => {
    const [enterprise] = demoEnterprises(1, 91_000);
    const registered = enterpriseRegisteredEvent(enterprise!, `newer-${Date.now()}`);
    const newer = { ...registered, data: { ...registered.data, addedLater: '新增可选字段' } };
    const broken = {
      ...registered,
      id: `broken-${Date.now()}`,
      data: { ...registered.data, establishedOn: 'yesterday' },
    };
    // Beyond the limits (NUL, which PostgreSQL refuses): invalid at once, not a handler failing five times.
    const nul = { ...registered, id: `nul-${Date.now()}`, data: { ...registered.data, name: 'a\u0000b' } };
    const marker = enterpriseDeregisteredEvent(enterprise!.uscc);
    const topic = `${iso.topicPrefix}${EnterpriseRegisteredV1.topic}`;
    const producer = testKafka(iso.brokers).producer();
    await producer.connect();
    await producer.send({
      topic,
      messages: [newer, broken, nul, marker].map((event) => toKafkaMessage(event, 'binary')),
    });
    await producer.disconnect();

    await eventually(() => expect(markers).toContain(marker.id));
    expect(applied.map((e) => e.id)).toEqual([newer.id]);
    expect(applied[0]?.data).toEqual(newer.data);
    const letters = await readTopic(iso.brokers, `${topic}.dlq`, (m) =>
      m.some((x) => x.headers['ce_id'] === broken.id),
    );
    expect(letters.map((x) => x.headers['ce_id'])).toEqual([broken.id]);
  });
});
