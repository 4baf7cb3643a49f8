import { setTimeout as sleep } from 'node:timers/promises';
import { Controller, Module } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { Partitioners, Producer } from 'kafkajs';
import { CloudEvent, EnterpriseDeregisteredV1, EnterpriseRegisteredV1, toKafkaMessage } from '@hub/contracts';
import { demoEnterprises, enterpriseDeregisteredEvent, enterpriseRegisteredEvent } from '@hub/demo';
import { OnEvent, WantedTypes } from '@hub/messaging';
import { IsolatedEnv, eventually, isolatedEnv, testKafka } from '@hub/testing';
import { HubAppDefinition, RunningHubApp, startHubApp } from './hub-app';

/** Long enough that the steps of a test fit inside it on a slow machine; the test sleeps it out once. */
const MAX_AGE_MS = 4_000;

/** What the narrowing handler wants; the test changes it, as an operator's grant changes the gateway's. */
let wantedNow = new Set<string>();
let readings = 0;
const wanted: WantedTypes = {
  read: async () => {
    readings++;
    return new Set(wantedNow);
  },
  maxAgeMs: MAX_AGE_MS,
};
const narrowed: string[] = [];
const plain: string[] = [];

@Controller()
class Handlers {
  @OnEvent(EnterpriseRegisteredV1.type, { wanted })
  registered(@Payload() event: CloudEvent): void {
    narrowed.push(event.id);
  }

  // Same topic, same key: once this one is handled, the event before it on the partition was dealt with.
  @OnEvent(EnterpriseDeregisteredV1.type)
  deregistered(@Payload() event: CloudEvent): void {
    plain.push(event.id);
  }
}

@Module({ controllers: [Handlers] })
class HandlersModule {}

const app: HubAppDefinition = { name: 'registry', modules: [HandlersModule], entities: [], migrations: [] };

describe('a handler that narrows its types (HubHandlerOptions.wanted)', () => {
  let iso: IsolatedEnv;
  let hub: RunningHubApp;
  let producer: Producer;
  const [enterprise] = demoEnterprises(1, 90_000);

  /** Sends a registration, then a marker on the same partition, and waits until the marker is handled. */
  const send = async (): Promise<string> => {
    const event = enterpriseRegisteredEvent(enterprise!, `wanted-${narrowed.length}-${plain.length}-${Date.now()}`);
    const marker = enterpriseDeregisteredEvent(enterprise!.uscc);
    await producer.send({
      topic: `${iso.topicPrefix}${EnterpriseRegisteredV1.topic}`,
      messages: [toKafkaMessage(event, 'binary'), toKafkaMessage(marker, 'binary')],
    });
    await eventually(() => expect(plain).toContain(marker.id));
    return event.id;
  };

  beforeAll(async () => {
    iso = await isolatedEnv();
    hub = await startHubApp(app, iso.env);
    await eventually(() => expect(hub.server.isJoined).toBe(true));
    // The gateway's principal: it alone writes the canonical topics of department-owned types.
    producer = testKafka(iso.brokers, 'gateway').producer({
      createPartitioner: Partitioners.DefaultPartitioner,
    });
    await producer.connect();
  });

  afterAll(async () => {
    await producer?.disconnect();
    await hub?.close();
    await iso?.dispose();
  });

  it('passes over the others undecoded, by a reading at most maxAgeMs old', async () => {
    const first = await send();
    expect(narrowed).not.toContain(first);
    const applied = async (id: string): Promise<number> =>
      (await hub.dataSource.query(`SELECT 1 FROM registry.inbox WHERE event_id = $1`, [id])).length;
    expect(await applied(first)).toBe(0);
    const asked = readings;

    // Wanted from now on, but the reading in hand is younger than maxAgeMs: still passed over, nobody asked again.
    wantedNow = new Set([EnterpriseRegisteredV1.type]);
    const second = await send();
    expect(narrowed).not.toContain(second);
    expect(readings).toBe(asked);

    // Once the reading is older, the next batch asks again and the handler gets the type.
    await sleep(MAX_AGE_MS);
    const third = await send();
    expect(narrowed).toEqual([third]);
    expect(await applied(third)).toBe(1);
  });
});
