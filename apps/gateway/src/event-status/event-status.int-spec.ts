import { randomUUID } from 'node:crypto';
import { CloudEvent, DeadLetterHeaders, EnterpriseRegisteredV1, deadLetterTopic } from '@hub/contracts';
import { demoEnterprises, enterpriseRegisteredEvent } from '@hub/demo';
import { RunningHubApp, startHubApp } from '@hub/platform';
import { IsolatedEnv, ReadMessage, eventually, isolatedEnv, readTopic, testKafka } from '@hub/testing';
import { SigningKey, signedFetch } from '../auth/signed-fetch';
import { gatewayApp } from '../gateway.app';
import { toGatewayEnv } from '../gateway.env';
import { EventDeadLetterRetention, RelayedBatchRetention } from './event-status-retention';
import type { EventStatus } from './event-status.service';

const ADMIN: SigningKey = { accessKeyId: 'AKSTATUSADMIN', secret: 'status-admin-secret-0123456789abcdef' };

/** What became of a department's events, asked of the real gateway on the real broker and database. */
describe('event status', () => {
  let iso: IsolatedEnv;
  let hub: RunningHubApp;
  const keys: Record<string, SigningKey> = {};
  let nextEnterprise = 300_000;
  const topic = (): string => `${iso.topicPrefix}${EnterpriseRegisteredV1.topic}`;
  const newEvent = (): CloudEvent => enterpriseRegisteredEvent(demoEnterprises(1, nextEnterprise++)[0], randomUUID());

  const publish = async (event: CloudEvent): Promise<void> => {
    const response = await signedFetch(hub.url, '/v1/events', keys.SPJ, {
      body: JSON.stringify(event),
      headers: { 'content-type': 'application/cloudevents+json' },
    });
    expect(response.status).toBe(202);
  };
  const get = async <T>(department: string, path: string): Promise<{ status: number; body: T }> => {
    const response = await signedFetch(hub.url, path, keys[department], { method: 'GET' });
    return { status: response.status, body: (await response.json()) as T };
  };
  const statusOf = (id: string, department = 'SPJ') =>
    get<EventStatus & { detail?: string }>(department, `/v1/events/${encodeURIComponent(id)}`);

  /** The record as relayed to its topic. */
  const relayed = async (id: string): Promise<ReadMessage> => {
    const seen = await readTopic(iso.brokers, topic(), (m) => m.some((x) => x.headers['ce_id'] === id));
    return seen.find((x) => x.headers['ce_id'] === id)!;
  };

  /** A consumer group giving up on a record, as HubKafkaServer dead-letters it: the record with the hub-dlq-* headers. */
  const deadLetter = async (record: ReadMessage, consumer: string, reason: string, errors?: unknown) => {
    const producer = testKafka(iso.brokers).producer();
    await producer.connect();
    try {
      await producer.send({
        topic: deadLetterTopic(topic()),
        messages: [
          {
            key: record.message.key,
            value: record.message.value,
            headers: {
              ...record.headers,
              [DeadLetterHeaders.reason]: reason,
              ...(errors ? { [DeadLetterHeaders.errors]: JSON.stringify(errors) } : {}),
              [DeadLetterHeaders.originalTopic]: topic(),
              [DeadLetterHeaders.originalPartition]: String(record.partition),
              [DeadLetterHeaders.originalOffset]: record.message.offset,
              [DeadLetterHeaders.consumer]: consumer,
              [DeadLetterHeaders.attempts]: '1',
            },
          },
        ],
      });
    } finally {
      await producer.disconnect();
    }
  };

  beforeAll(async () => {
    iso = await isolatedEnv();
    hub = await startHubApp(
      gatewayApp,
      toGatewayEnv(iso.env, { HUB_ADMIN_ACCESS_KEY_ID: ADMIN.accessKeyId, HUB_ADMIN_SECRET: ADMIN.secret }),
    );
    for (const [department, name] of [
      ['SPJ', 'registration'],
      ['SCJG', 'supervision'],
    ]) {
      const response = await signedFetch(hub.url, '/v1/admin/systems', ADMIN, {
        body: JSON.stringify({ department, name }),
      });
      expect(response.status).toBe(201);
      keys[department] = ((await response.json()) as { credential: SigningKey }).credential;
    }
    await eventually(() => expect(hub.server.isJoined).toBe(true));
  });

  afterAll(async () => {
    await hub?.close();
    await iso?.dispose();
  });

  it('answers an event accepted and not yet relayed, then relayed, to its publisher alone', async () => {
    await hub.relay.stop();
    const event = newEvent();
    try {
      await publish(event);
      const waiting = await statusOf(event.id);
      expect(waiting).toMatchObject({
        status: 200,
        body: {
          id: event.id,
          source: event.source,
          type: event.type,
          state: 'accepted',
          position: null,
          consumers: [],
          deadLetters: [],
        },
      });
    } finally {
      hub.relay.start();
    }
    await eventually(async () => expect((await statusOf(event.id)).body.state).toBe('relayed'));
    expect((await statusOf(event.id, 'SCJG')).status).toBe(404);
    expect((await statusOf(`never-sent-${randomUUID()}`)).status).toBe(404);
  });

  it("tells the publisher which consumer dead-lettered its event and why, and lists its department's dead letters", async () => {
    const event = newEvent();
    await publish(event);
    const record = await relayed(event.id);
    const errors = [{ field: 'data.uscc', rule: 'registered', message: 'the enterprise is not registered' }];
    await deadLetter(record, `${iso.topicPrefix}registry`, 'the enterprise is not registered', errors);

    const answer = await eventually(async () => {
      const current = await statusOf(event.id);
      expect(current.body.deadLetters).toHaveLength(1);
      return current.body;
    });
    expect(answer).toMatchObject({
      state: 'relayed',
      hubId: record.headers['ce_hubid'],
      position: { partition: record.partition, offset: record.message.offset },
    });
    expect(answer.deadLetters[0]).toEqual({
      consumer: `${iso.topicPrefix}registry`,
      reason: 'the enterprise is not registered',
      errors,
      attempts: 1,
      deadLetteredAt: expect.any(String),
      partition: record.partition,
      offset: record.message.offset,
    });

    // Two more groups of the hub read the topic: one has not got past the event yet, one has.
    const admin = testKafka(iso.brokers).admin();
    await admin.connect();
    try {
      for (const [group, offset] of [
        ['lagging', BigInt(record.message.offset)],
        ['ahead', BigInt(record.message.offset) + 1n],
      ] as const) {
        await admin.setOffsets({
          groupId: `${iso.topicPrefix}${group}`,
          topic: topic(),
          partitions: [{ partition: record.partition, offset: String(offset) }],
        });
      }
    } finally {
      await admin.disconnect();
    }
    await eventually(async () =>
      expect((await statusOf(event.id)).body.consumers).toEqual([
        { consumer: `${iso.topicPrefix}ahead`, status: 'consumed' },
        { consumer: `${iso.topicPrefix}gateway`, status: 'consumed' },
        { consumer: `${iso.topicPrefix}lagging`, status: 'pending' },
        { consumer: `${iso.topicPrefix}registry`, status: 'dead-lettered' },
      ]),
    );

    const mine = await get<{ id: string; consumer: string }[]>('SPJ', '/v1/dead-letters');
    expect(mine.body.filter((l) => l.id === event.id)).toEqual([
      expect.objectContaining({ id: event.id, consumer: `${iso.topicPrefix}registry` }),
    ]);
    const others = await get<{ id: string }[]>('SCJG', '/v1/dead-letters');
    expect(others.body.map((l) => l.id)).not.toContain(event.id);
  });

  it('keeps no dead letter of an event it did not accept', async () => {
    const event = newEvent();
    await publish(event);
    const record = await relayed(event.id);
    const stranger = randomUUID();
    await deadLetter({ ...record, headers: { ...record.headers, ce_id: stranger } }, 'some-group', 'x');
    // Its own event's dead letter, sent after the stranger's on the same partition, is collected: so the stranger's was read.
    await deadLetter(record, 'some-group', 'y');
    await eventually(async () => expect((await statusOf(event.id)).body.deadLetters).toHaveLength(1));
    const mine = await get<{ id: string }[]>('SPJ', '/v1/dead-letters?limit=500');
    expect(mine.body.map((l) => l.id)).not.toContain(stranger);
  });

  it("forgets relayed batches and kept dead letters past the receipts' retention, and only those", async () => {
    const event = newEvent();
    await publish(event);
    const record = await relayed(event.id);
    await deadLetter(record, `${iso.topicPrefix}registry`, 'kept for a while');
    await eventually(async () => expect((await statusOf(event.id)).body.deadLetters).toHaveLength(1));
    const count = async (table: string): Promise<number> =>
      Number(((await hub.dataSource.query(`SELECT count(*) AS n FROM "gateway"."${table}"`)) as { n: string }[])[0].n);
    const before = { batches: await count('relayed_batch'), letters: await count('event_dead_letter') };
    // Age one of each past GATEWAY_RECEIPT_RETENTION_HOURS (30 days by default).
    await hub.dataSource.query(
      `UPDATE "gateway"."relayed_batch" SET relayed_at = now() - interval '31 days'
        WHERE id = (SELECT min(id) FROM "gateway"."relayed_batch")`,
    );
    await hub.dataSource.query(
      `UPDATE "gateway"."event_dead_letter" SET dead_lettered_at = now() - interval '31 days'
        WHERE event_id = $1`,
      [event.id],
    );
    expect((await hub.app.get(RelayedBatchRetention).prune())?.rows).toBe(1);
    expect((await hub.app.get(EventDeadLetterRetention).prune())?.rows).toBe(1);
    expect(await count('relayed_batch')).toBe(before.batches - 1);
    expect(await count('event_dead_letter')).toBe(before.letters - 1);
  });
});
