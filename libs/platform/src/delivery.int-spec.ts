import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { CloudEvent, DeadLetterHeaders, EnterpriseRegisteredV1, maskValue, toKafkaMessage } from '@hub/contracts';
import { demoEnterprises, enterpriseDeregisteredEvent, enterpriseRegisteredEvent } from '@hub/demo';
import { Enterprise, EnterpriseDirectory1764230500000, EnterpriseDirectoryModule } from '@hub/directory';
import { OutboxWriter } from '@hub/messaging';
import {
  IsolatedEnv,
  applyCounts,
  eventually,
  installApplyLog,
  isolatedEnv,
  readTopic,
  testKafka,
  writeGrant,
} from '@hub/testing';
import { HubAppDefinition, RunningHubApp, startHubApp } from './hub-app';
import { InboxRetention } from './inbox-retention';

// The registry's enterprise directory, run in-process against the real broker and database.
const directoryApp: HubAppDefinition = {
  name: 'registry',
  modules: [EnterpriseDirectoryModule],
  entities: [Enterprise],
  migrations: [EnterpriseDirectory1764230500000],
};
const FAST_RETRY = { retry: { attempts: 3, initialDelayMs: 50, maxDelayMs: 200 } };

describe('delivery through outbox, Kafka and an idempotent consumer', () => {
  let iso: IsolatedEnv;
  let hub: RunningHubApp;
  const topic = (): string => `${iso.topicPrefix}${topicOfEnterprises()}`;

  beforeAll(async () => {
    // The stand-in registry publishes the 审批局's events through its own outbox, as the gateway relays them.
    iso = await isolatedEnv({}, { extraGrants: [writeGrant('registry', topicOfEnterprises())] });
    hub = await startHubApp(directoryApp, iso.env, { consumer: FAST_RETRY });
    await installApplyLog(iso.databaseUrl, 'registry.enterprise', { poisonMarker: 'POISON' });
    await eventually(() => expect(hub.server.isJoined).toBe(true));
  });

  afterAll(async () => {
    await hub?.close();
    await iso?.dispose();
  });

  it('applies an event committed through the outbox exactly once', async () => {
    const events = demoEnterprises(50, 1_000).map((e) => enterpriseRegisteredEvent(e, randomUUID()));
    const outbox = hub.app.get(OutboxWriter);
    await hub.dataSource.transaction((manager) => outbox.enqueue(manager, events));

    const counts = await eventually(async () => {
      const c = await applyCounts(iso.databaseUrl, 'registry');
      expect(events.filter((e) => c.has(e.id))).toHaveLength(events.length);
      return c;
    });
    for (const e of events) expect(counts.get(e.id)).toBe(1);
    const rows = await hub.dataSource.query(`SELECT count(*)::int AS n FROM registry.outbox`);
    expect(rows[0].n).toBe(0);
  });

  it('publishes nothing from a transaction that rolled back', async () => {
    const [event] = demoEnterprises(1, 2_000).map((e) => enterpriseRegisteredEvent(e, randomUUID()));
    const outbox = hub.app.get(OutboxWriter);
    await expect(
      hub.dataSource.transaction(async (manager) => {
        await outbox.enqueue(manager, [event]);
        throw new Error('the cause failed');
      }),
    ).rejects.toThrow('the cause failed');
    const marker = demoEnterprises(1, 2_001).map((e) => enterpriseRegisteredEvent(e, randomUUID()));
    await hub.dataSource.transaction((manager) => outbox.enqueue(manager, marker));
    // Once a later event is through, the rolled-back one would have been too.
    await eventually(async () => expect((await applyCounts(iso.databaseUrl, 'registry')).get(marker[0].id)).toBe(1));
    expect((await applyCounts(iso.databaseUrl, 'registry')).has(event.id)).toBe(false);
  });

  it('changes nothing when the same event is delivered twice', async () => {
    const [event] = demoEnterprises(1, 3_000).map((e) => enterpriseRegisteredEvent(e, randomUUID()));
    const producer = rawProducer(iso.brokers);
    await producer.connect();
    const message = toKafkaMessage(event, 'binary');
    await producer.send({ topic: topic(), messages: [message] });
    await producer.send({ topic: topic(), messages: [message] });
    await eventually(async () => expect((await applyCounts(iso.databaseUrl, 'registry')).get(event.id)).toBe(1));
    // A later event of the same enterprise (same partition), sent only now so that no batch holds it with the
    // others (a batch keeps only an enterprise's last row): once it is applied, the copy was dealt with.
    const marker = enterpriseRegisteredEvent(demoEnterprises(1, 3_000)[0], randomUUID());
    await producer.send({ topic: topic(), messages: [toKafkaMessage(marker, 'binary')] });
    await producer.disconnect();

    await eventually(async () => expect((await applyCounts(iso.databaseUrl, 'registry')).get(marker.id)).toBe(1));
    expect((await applyCounts(iso.databaseUrl, 'registry')).get(event.id)).toBe(1);
  });

  it('forgets applied events after INBOX_RETENTION_HOURS: a copy delivered after that applies again', async () => {
    const [event] = demoEnterprises(1, 3_500).map((e) => enterpriseRegisteredEvent(e, randomUUID()));
    const message = toKafkaMessage(event, 'binary');
    const producer = rawProducer(iso.brokers);
    await producer.connect();
    await producer.send({ topic: topic(), messages: [message] });
    await eventually(async () => expect((await applyCounts(iso.databaseUrl, 'registry')).get(event.id)).toBe(1));
    const inbox = async (): Promise<number> =>
      (await hub.dataSource.query(`SELECT count(*)::int AS n FROM registry.inbox`))[0].n;
    const before = await inbox();
    // Applied 200 hours ago as far as the inbox knows; the events of the other tests are recent and stay.
    await hub.dataSource.query(
      `UPDATE registry.inbox SET applied_at = now() - interval '200 hours' WHERE event_id = $1`,
      [event.id],
    );

    expect(await hub.app.get(InboxRetention).prune()).toEqual({ rows: 1, batches: 1 });
    expect(await inbox()).toBe(before - 1);
    await producer.send({ topic: topic(), messages: [message] });
    await producer.disconnect();
    await eventually(async () => expect((await applyCounts(iso.databaseUrl, 'registry')).get(event.id)).toBe(2));
    const metrics = await (await fetch(`${hub.url}/metrics`)).text();
    expect(metrics).toMatch(/^hub_inbox_pruned_total\{app="registry"\} 1$/m);
  });

  it('dead-letters an invalid message and a failing one, with reasons, and goes on with the partition', async () => {
    // One enterprise, so one key and one partition: what follows the bad messages is really behind them.
    const [e] = demoEnterprises(1, 4_000);
    const valid1 = enterpriseRegisteredEvent(e, randomUUID());
    const invalid = enterpriseRegisteredEvent({ ...e, establishedOn: 'not-a-date' }, randomUUID());
    const poison = enterpriseRegisteredEvent({ ...e, name: `${e.name} POISON` }, randomUUID());
    const deregistered = enterpriseDeregisteredEvent(e.uscc);
    const valid2 = enterpriseRegisteredEvent({ ...e, name: `${e.name} again` }, randomUUID());
    await send(iso.brokers, topic(), [valid1, invalid, poison, deregistered, valid2]);

    await eventually(async () => {
      const counts = await applyCounts(iso.databaseUrl, 'registry');
      expect([valid1, deregistered, valid2].map((x) => counts.get(x.id))).toEqual([1, 1, 1]);
    });
    const dead = await readTopic(iso.brokers, `${topic()}.dlq`, (m) => m.length >= 2);
    const byId = new Map(dead.map((m) => [m.headers['ce_id'], m]));
    const invalidLetter = byId.get(invalid.id)!;
    expect(invalidLetter.headers[DeadLetterHeaders.reason]).toMatch(/data\.establishedOn/);
    expect(invalidLetter.headers[DeadLetterHeaders.originalTopic]).toBe(topic());
    expect(invalidLetter.headers[DeadLetterHeaders.originalOffset]).toMatch(/^\d+$/);
    const poisonLetter = byId.get(poison.id)!;
    expect(poisonLetter.headers[DeadLetterHeaders.reason]).toMatch(/after 3 attempt\(s\).*poisoned row/);
    expect(poisonLetter.headers[DeadLetterHeaders.attempts]).toBe('3');
    // 可用不可见: the handler's error quoted the legal representative; the reason carries the masked name only.
    expect(poisonLetter.headers[DeadLetterHeaders.reason]).toContain(`(${maskValue('name', e.legalRepresentative)})`);
    expect(poisonLetter.headers[DeadLetterHeaders.reason]).not.toContain(e.legalRepresentative);
    expect((await applyCounts(iso.databaseUrl, 'registry')).has(poison.id)).toBe(false);
  });

  it('records no registered capital for an enterprise whose event gives it as null', async () => {
    const [e] = demoEnterprises(1, 4_500);
    const event = enterpriseRegisteredEvent({ ...e, registeredCapitalYuan: null as unknown as number }, randomUUID());
    await send(iso.brokers, topic(), [event]);
    await eventually(async () => expect((await applyCounts(iso.databaseUrl, 'registry')).get(event.id)).toBe(1));
    const rows = await hub.dataSource.query(`SELECT registered_capital_yuan FROM registry.enterprise WHERE uscc = $1`, [
      e.uscc,
    ]);
    expect(rows).toEqual([{ registered_capital_yuan: null }]);
  });

  it("keeps one enterprise's events in order", async () => {
    const [e] = demoEnterprises(1, 5_000);
    const events: CloudEvent[] = [];
    for (let i = 1; i <= 3; i++) {
      events.push(
        enterpriseRegisteredEvent({ ...e, name: `${e.name}-v${i}` }, randomUUID()),
        enterpriseDeregisteredEvent(e.uscc),
      );
    }
    const outbox = hub.app.get(OutboxWriter);
    for (const event of events) await hub.dataSource.transaction((manager) => outbox.enqueue(manager, [event]));
    await eventually(async () => {
      const client = new Client({ connectionString: iso.databaseUrl });
      await client.connect();
      const { rows } = await client.query(`SELECT event_id FROM registry.apply_log WHERE uscc = $1 ORDER BY seq`, [
        e.uscc,
      ]);
      await client.end();
      expect(rows.map((r) => r.event_id)).toEqual(events.map((x) => x.id));
    });
  });

  it('reports ready and counts what it did on /metrics', async () => {
    const ready = await fetch(`${hub.url}/health/ready`);
    expect(ready.status).toBe(200);
    const metrics = await (await fetch(`${hub.url}/metrics`)).text();
    expect(metrics).toMatch(new RegExp(`hub_events_consumed_total\\{[^}]*topic="${escape(topic())}"[^}]*\\} \\d+`));
    expect(metrics).toMatch(/hub_events_dead_lettered_total\{[^}]*cause="invalid"[^}]*\} 1/);
    expect(metrics).toMatch(/hub_handler_duration_seconds_bucket/);
    expect(metrics).toMatch(/hub_outbox_backlog\{[^}]*schema="registry"[^}]*\} 0/);
  });
});

describe('an app that applies its own events when it writes them', () => {
  let iso: IsolatedEnv;
  let hub: RunningHubApp;
  const app: HubAppDefinition = { ...directoryApp, name: 'inspection', appliesOwnEventsWhenWritten: true };

  beforeAll(async () => {
    // The stand-in writes the 审批局's events through its own outbox, as the gateway relays them.
    iso = await isolatedEnv({}, { extraGrants: [writeGrant('inspection', topicOfEnterprises())] });
    hub = await startHubApp(app, iso.env, { consumer: FAST_RETRY });
    await installApplyLog(iso.databaseUrl, 'inspection.enterprise');
    await eventually(() => expect(hub.server.isJoined).toBe(true));
  });

  afterAll(async () => {
    await hub?.close();
    await iso?.dispose();
  });

  it('records them in its inbox as it writes them and passes over them when it reads them back', async () => {
    const own = demoEnterprises(20, 5_000).map((e) => enterpriseRegisteredEvent(e, randomUUID()));
    const outbox = hub.app.get(OutboxWriter);
    await hub.dataSource.transaction((manager) => outbox.enqueue(manager, own));
    const inbox: { n: number }[] = await hub.dataSource.query(
      `SELECT count(*)::int AS n FROM inspection.inbox WHERE event_id = ANY($1)`,
      [own.map((e) => e.id)],
    );
    expect(inbox[0].n).toBe(own.length);
    // Another system's event after them on the same partitions: applied once it is read, so theirs were read too.
    const marker = enterpriseRegisteredEvent(demoEnterprises(1, 5_000)[0], randomUUID());
    await send(iso.brokers, `${iso.topicPrefix}${topicOfEnterprises()}`, [marker]);
    await eventually(async () => expect((await applyCounts(iso.databaseUrl, 'inspection')).get(marker.id)).toBe(1));
    await eventually(async () => {
      const outboxLeft: { n: number }[] = await hub.dataSource.query(
        `SELECT count(*)::int AS n FROM inspection.outbox`,
      );
      expect(outboxLeft[0].n).toBe(0);
    });
    const counts = await applyCounts(iso.databaseUrl, 'inspection');
    expect(own.filter((e) => counts.has(e.id))).toEqual([]);
  });
});

function rawProducer(brokers: string[]) {
  // As the gateway, the one writer of the canonical topics of department-owned types.
  return testKafka(brokers, 'gateway').producer();
}

async function send(brokers: string[], topic: string, events: CloudEvent[]): Promise<void> {
  const producer = rawProducer(brokers);
  await producer.connect();
  await producer.send({ topic, messages: events.map((e) => toKafkaMessage(e, 'binary')) });
  await producer.disconnect();
}

function topicOfEnterprises(): string {
  return EnterpriseRegisteredV1.topic;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
