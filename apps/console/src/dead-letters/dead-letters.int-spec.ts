import { randomUUID } from 'node:crypto';
import { DeadLetterHeaders, EnterpriseRegisteredV1, createEvent, toKafkaMessage } from '@hub/contracts';
import { RunningHubApp, startHubApp } from '@hub/platform';
import { IsolatedEnv, assertedCall, eventually, isolatedEnv, readTopic, testKafka } from '@hub/testing';
import { consoleApp } from '../console.app';
import { DeadLetterRetention } from './dead-letter-retention';
import { DeadLetter } from './entities/dead-letter.entity';
import { DeadLetterSummary, DeadLetterView } from './dead-letter.view';

interface Problem {
  status: number;
  errors?: { field: string; rule: string }[];
}

/** The console in-process on the real broker and database, called as 信息化中心's operators (and others) would. */
describe('console dead letters', () => {
  let iso: IsolatedEnv;
  let hub: RunningHubApp;
  let nextOffset = 100;
  /** 信息化中心's operators' system, as the gateway's assertion names it. */
  const operator = { accessKeyId: 'AKXXHZXOPS01' };
  const originalTopic = (): string => `${iso.topicPrefix}${EnterpriseRegisteredV1.topic}`;
  /** A call as the gateway forwards it: with the edge's assertion for the console, naming the caller. */
  const asDepartment = <T>(department: string, method: string, target: string, body?: unknown, subject?: string) =>
    assertedCall<T>(
      hub.url,
      iso.edgeKeys.privateKey,
      { audience: 'console', department, subject },
      method,
      target,
      body,
    );
  const asOperator = <T>(method: string, target: string, body?: unknown) =>
    asDepartment<T>('XXHZX', method, target, body, operator.accessKeyId);

  /** A message some consumer gave up on, as HubKafkaServer dead-letters it; resolves to its row once collected. */
  async function deadLetter(
    message: { id: string; value: Buffer | string; headers: Record<string, string> } = {
      id: randomUUID(),
      value: '',
      headers: { 'content-type': 'application/cloudevents+json' },
    },
  ): Promise<{ letter: DeadLetterSummary; id: string; key: string; value: string }> {
    const id = message.id;
    const key = `91130800MA${String(nextOffset).padStart(8, '0')}`;
    const value =
      message.value === ''
        ? JSON.stringify({ marker: id, data: 'not what the consumer expected' })
        : message.value.toString();
    const offset = String(nextOffset++);
    const producer = testKafka(iso.brokers).producer();
    await producer.connect();
    await producer.send({
      topic: `${originalTopic()}.dlq`,
      messages: [
        {
          key,
          value,
          headers: {
            ce_id: id,
            ...message.headers,
            [DeadLetterHeaders.reason]: 'handler failed: the projection was down',
            [DeadLetterHeaders.originalTopic]: originalTopic(),
            [DeadLetterHeaders.originalPartition]: '1',
            [DeadLetterHeaders.originalOffset]: offset,
            [DeadLetterHeaders.consumer]: `${iso.topicPrefix}registry`,
            [DeadLetterHeaders.attempts]: '5',
          },
        },
      ],
    });
    await producer.disconnect();
    const letter = await eventually(async () => {
      const listed = await asOperator<DeadLetterSummary[]>('GET', `/v1/dead-letters?topic=${originalTopic()}`);
      const found = listed.body.find((l) => l.headers.ce_id === id);
      expect(found).toBeDefined();
      return found!;
    });
    return { letter, id, key, value };
  }

  beforeAll(async () => {
    iso = await isolatedEnv();
    hub = await startHubApp(consoleApp, iso.env, {
      consumer: { retry: { attempts: 2, initialDelayMs: 50, maxDelayMs: 50 }, stopMs: 1_000 },
    });
    await eventually(() => expect(hub.server.isJoined).toBe(true));
  });

  afterAll(async () => {
    await hub?.close();
    await iso?.dispose();
  });

  it('lists dead letters to a signed operator, open at first', async () => {
    const { letter } = await deadLetter();
    expect(letter).toMatchObject({
      status: 'open',
      resolvedAt: null,
      resolvedBy: null,
      note: null,
      consumer: `${iso.topicPrefix}registry`,
      originalTopic: originalTopic(),
      reason: 'handler failed: the projection was down',
    });
  });

  it('refuses a call without the edge’s assertion (401) and another department (403), as problem details', async () => {
    const unasserted = await fetch(`${hub.url}/v1/dead-letters`);
    expect(unasserted.status).toBe(401);
    expect(unasserted.headers.get('content-type')).toMatch(/application\/problem\+json/);
    const spj = await asDepartment<Problem>('SPJ', 'GET', '/v1/dead-letters');
    expect(spj.status).toBe(403);
    expect(spj.contentType).toMatch(/application\/problem\+json/);
    const replay = await asDepartment<Problem>('SCJG', 'POST', '/v1/dead-letters/1/replay', {});
    expect(replay.status).toBe(403);
  });

  it('replays a letter onto its original topic with its key, value and headers less the hub-dlq-* ones, once', async () => {
    const { letter, id, key, value } = await deadLetter();
    const replayed = await asOperator<DeadLetterView>('POST', `/v1/dead-letters/${letter.id}/replay`, {
      note: 'the projection is back',
    });
    expect(replayed.status).toBe(200);
    expect(replayed.body).toMatchObject({
      id: letter.id,
      status: 'replayed',
      resolvedBy: operator.accessKeyId,
      note: 'the projection is back',
    });
    expect(replayed.body.resolvedAt).not.toBeNull();

    const messages = await readTopic(iso.brokers, originalTopic(), (m) => m.some((x) => x.headers.ce_id === id));
    const back = messages.filter((x) => x.headers.ce_id === id);
    expect(back).toHaveLength(1);
    expect(back[0].message.key?.toString()).toBe(key);
    expect(back[0].value).toBe(value);
    expect(back[0].headers).toEqual({ ce_id: id, 'content-type': 'application/cloudevents+json' });

    const again = await asOperator<Problem>('POST', `/v1/dead-letters/${letter.id}/replay`, {});
    expect(again.status).toBe(409);
    expect(again.contentType).toMatch(/application\/problem\+json/);
    expect(again.body.errors).toContainEqual(expect.objectContaining({ field: 'status' }));
  });

  it('discards a letter only with a note, and then will not replay it', async () => {
    const { letter } = await deadLetter();
    const bare = await asOperator<Problem>('POST', `/v1/dead-letters/${letter.id}/discard`, {});
    expect(bare.status).toBe(400);
    expect(bare.body.errors).toContainEqual(expect.objectContaining({ field: 'note' }));

    const discarded = await asOperator<DeadLetterView>('POST', `/v1/dead-letters/${letter.id}/discard`, {
      note: 'broke its contract: the sender fixes and resends it',
    });
    expect(discarded.status).toBe(200);
    expect(discarded.body).toMatchObject({ status: 'discarded', resolvedBy: operator.accessKeyId });

    const replay = await asOperator<Problem>('POST', `/v1/dead-letters/${letter.id}/replay`, {});
    expect(replay.status).toBe(409);
    expect(replay.body.errors).toContainEqual(expect.objectContaining({ field: 'status' }));
    const discardAgain = await asOperator<Problem>('POST', `/v1/dead-letters/${letter.id}/discard`, { note: 'x' });
    expect(discardAgain.status).toBe(409);
  });

  it('answers 404 for an unknown letter and 400 for a malformed id', async () => {
    expect((await asOperator<Problem>('POST', '/v1/dead-letters/999999999/replay', {})).status).toBe(404);
    const discard = await asOperator<Problem>('POST', '/v1/dead-letters/999999999/discard', { note: 'gone' });
    expect(discard.status).toBe(404);
    const malformed = await asOperator<Problem>('POST', '/v1/dead-letters/abc/replay', {});
    expect(malformed.status).toBe(400);
    expect(malformed.body.errors).toContainEqual(expect.objectContaining({ field: 'id' }));
  });

  it('shows a dead-lettered event with the personal data its contract marks masked (可用不可见)', async () => {
    const event = createEvent(
      EnterpriseRegisteredV1,
      { ...EnterpriseRegisteredV1.example, legalRepresentative: '钱多多' },
      { source: '/departments/SPJ/systems/registration' },
    );
    const message = toKafkaMessage(event, 'binary');
    const headers = Object.fromEntries(Object.entries(message.headers).map(([name, v]) => [name, String(v)]));
    const { letter: listed } = await deadLetter({ id: event.id, value: message.value!, headers });
    expect(listed).not.toHaveProperty('value'); // a list carries no messages: each is opened, and recorded
    expect(listed).toMatchObject({ eventType: EnterpriseRegisteredV1.type, department: 'SPJ' });
    const letter = (await asOperator<DeadLetterView>('GET', `/v1/dead-letters/${listed.id}`)).body;
    expect(letter.value).toEqual({
      encoding: 'json',
      type: EnterpriseRegisteredV1.type,
      json: { ...event.data, legalRepresentative: '钱**' },
    });
    expect(JSON.stringify(letter)).not.toContain('钱多多');
  });

  it('filters by status, and refuses an unknown status naming the field and rule', async () => {
    const open = await deadLetter();
    const toReplay = await deadLetter();
    const toDiscard = await deadLetter();
    await asOperator('POST', `/v1/dead-letters/${toReplay.letter.id}/replay`, {});
    await asOperator('POST', `/v1/dead-letters/${toDiscard.letter.id}/discard`, { note: 'not ours' });

    const ids = async (status: string): Promise<string[]> =>
      (await asOperator<DeadLetterView[]>('GET', `/v1/dead-letters?status=${status}&limit=500`)).body.map((l) => l.id);
    const [opened, replayed, discarded] = [await ids('open'), await ids('replayed'), await ids('discarded')];
    expect(opened).toContain(open.letter.id);
    expect(opened).not.toContain(toReplay.letter.id);
    expect(opened).not.toContain(toDiscard.letter.id);
    expect(replayed).toContain(toReplay.letter.id);
    expect(replayed).not.toContain(open.letter.id);
    expect(discarded).toEqual(expect.arrayContaining([toDiscard.letter.id]));
    expect(discarded).not.toContain(toReplay.letter.id);

    const bad = await asOperator<Problem>('GET', '/v1/dead-letters?status=lost');
    expect(bad.status).toBe(400);
    expect(bad.contentType).toMatch(/application\/problem\+json/);
    expect(bad.body.errors).toContainEqual(expect.objectContaining({ field: 'status', rule: 'isIn' }));
  });

  /** Sends a letter as some producer might, with these headers over the usual ones (undefined leaves one out). */
  async function sendLetter(
    key: string | null,
    overrides: Record<string, string | undefined>,
    value = 'a dead letter',
  ): Promise<string> {
    const id = randomUUID();
    const headers: Record<string, string | undefined> = {
      ce_id: id,
      [DeadLetterHeaders.reason]: 'handler failed',
      [DeadLetterHeaders.originalTopic]: originalTopic(),
      [DeadLetterHeaders.originalPartition]: '0',
      [DeadLetterHeaders.originalOffset]: String(nextOffset++),
      [DeadLetterHeaders.consumer]: `${iso.topicPrefix}registry`,
      [DeadLetterHeaders.attempts]: '5',
      ...overrides,
    };
    const producer = testKafka(iso.brokers).producer();
    await producer.connect();
    await producer.send({
      topic: `${originalTopic()}.dlq`,
      messages: [
        {
          key,
          value,
          headers: Object.fromEntries(Object.entries(headers).filter(([, v]) => v !== undefined)) as Record<
            string,
            string
          >,
        },
      ],
    });
    await producer.disconnect();
    return id;
  }

  const stored = async (id: string): Promise<DeadLetter | undefined> => {
    const listed = await asOperator<DeadLetter[]>('GET', `/v1/dead-letters?limit=500`);
    return listed.body.find((l) => l.headers.ce_id === id);
  };

  it('stores a letter whatever its headers hold, marked incomplete, and will not replay it', async () => {
    const id = await sendLetter('91130800MA\u0000KEY', {
      [DeadLetterHeaders.reason]: 'broke on \u0000',
      [DeadLetterHeaders.originalPartition]: 'three',
      [DeadLetterHeaders.attempts]: '1e99',
      'x-note': 'a\u0000b',
      'x-\u0000': 'c',
    });
    const letter = await eventually(async () => {
      const found = await stored(id);
      expect(found).toBeDefined();
      return found!;
    });
    expect(letter).toMatchObject({
      key: '91130800MA\uFFFDKEY',
      reason: 'broke on \uFFFD',
      originalPartition: -1,
      originalOffset: '-1',
      attempts: 0,
    });
    expect(letter.headers['x-note']).toBe('a\uFFFDb');
    expect(letter.headers['x-\uFFFD']).toBe('c');
    expect(letter.incomplete).toMatch(/NUL characters.*replaced/);
    expect(letter.incomplete).toMatch(/hub-dlq-original-partition is not a number/);
    expect(letter.consumer).toMatch(/origin unknown/);

    const replay = await asOperator<Problem>('POST', `/v1/dead-letters/${letter.id}/replay`, {});
    expect(replay.status).toBe(409);
    expect(replay.body.errors).toContainEqual(expect.objectContaining({ field: 'incomplete', rule: 'isComplete' }));
  });

  it('keeps apart letters whose origin is unknown', async () => {
    const headers = { [DeadLetterHeaders.originalPartition]: undefined, [DeadLetterHeaders.originalOffset]: undefined };
    const first = await sendLetter(null, headers);
    const second = await sendLetter(null, headers);
    await eventually(async () => {
      expect(await stored(first)).toBeDefined();
      expect(await stored(second)).toBeDefined();
    });
  });

  it('will not replay a letter cut to fit the broker, which says so', async () => {
    const id = await sendLetter('k', {
      [DeadLetterHeaders.truncated]: '{"valueBytes":2000000,"keptValueBytes":1000000}',
    });
    const letter = await eventually(async () => {
      const found = await stored(id);
      expect(found).toBeDefined();
      return found!;
    });
    expect(letter.incomplete).toMatch(/cut to fit the broker's limit: \{"valueBytes":2000000/);
    const replay = await asOperator<Problem>('POST', `/v1/dead-letters/${letter.id}/replay`, {});
    expect(replay.status).toBe(409);
  });

  it('does not pass over a letter it cannot store: the partition waits, and goes on once it can', async () => {
    await hub.dataSource.query(`CREATE FUNCTION console.refuse_poison() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.reason = 'poison' THEN RAISE EXCEPTION 'refused by the test'; END IF; RETURN NEW; END $$`);
    await hub.dataSource.query(`CREATE TRIGGER refuse_poison BEFORE INSERT ON console.dead_letter
      FOR EACH ROW EXECUTE FUNCTION console.refuse_poison()`);
    // One key: one partition, the poison first.
    const poison = await sendLetter('same-key', { [DeadLetterHeaders.reason]: 'poison' });
    const behind = await sendLetter('same-key', {});
    try {
      await eventually(async () =>
        expect((await hub.metrics.partitionsStopped.get()).values.some((v) => v.value > 0)).toBe(true),
      );
      expect(await stored(poison)).toBeUndefined();
      expect(await stored(behind)).toBeUndefined();
    } finally {
      await hub.dataSource.query(`DROP TRIGGER refuse_poison ON console.dead_letter`);
    }
    await eventually(async () => {
      expect(await stored(poison)).toBeDefined();
      expect(await stored(behind)).toBeDefined();
    });
    expect((await hub.metrics.deadLetterFailures.get()).values[0]?.value).toBeGreaterThanOrEqual(1);
  });

  it('refuses to replay a letter whose original is older than DEAD_LETTER_RETENTION_HOURS, and prunes it later', async () => {
    const { letter } = await deadLetter();
    await hub.dataSource.query(
      `UPDATE console.dead_letter SET original_at = now() - interval '169 hours' WHERE id = $1`,
      [letter.id],
    );
    const replay = await asOperator<Problem>('POST', `/v1/dead-letters/${letter.id}/replay`, {});
    expect(replay.status).toBe(409);
    expect(replay.body.errors).toContainEqual(
      expect.objectContaining({ field: 'originalAt', rule: 'withinRetention' }),
    );

    const { letter: kept } = await deadLetter();
    await hub.dataSource.query(
      `UPDATE console.dead_letter SET received_at = now() - interval '169 hours' WHERE id = $1`,
      [letter.id],
    );
    const pruned = await hub.app.get(DeadLetterRetention).prune();
    expect(pruned?.rows).toBe(1);
    const rows = await hub.dataSource.query(`SELECT id FROM console.dead_letter WHERE id = ANY($1::bigint[])`, [
      [letter.id, kept.id],
    ]);
    expect(rows.map((r: { id: string }) => r.id)).toEqual([kept.id]);
  });

  it('shows a record its relay set aside as too large for the broker, and relays the rows behind it', async () => {
    const [huge, after]: string[] = [randomUUID(), randomUUID()];
    // Straight into the console's own outbox: over the broker's 1 MiB, then a small one behind it on the same key.
    await hub.dataSource.query(
      `INSERT INTO console.outbox (event_id, topic, key, headers, value)
       SELECT id, $3, 'same-key', jsonb_build_object('ce_id', id), convert_to(repeat('x', size), 'UTF8')
         FROM unnest($1::text[], $2::int[]) WITH ORDINALITY AS t(id, size, n) ORDER BY n`,
      [[huge, after], [1_100_000, 10], originalTopic()],
    );
    const letter = await eventually(async () => {
      const found = await stored(huge);
      expect(found).toBeDefined();
      return found!;
    });
    expect(letter).toMatchObject({ consumer: 'console.outbox', originalTopic: originalTopic(), originalPartition: -1 });
    expect(letter.reason).toMatch(/exceeds the broker's limit of 1048588 bytes/);
    expect(letter.incomplete).toMatch(/cut to fit the broker's limit/);
    const relayed = await readTopic(iso.brokers, originalTopic(), (m) => m.some((x) => x.headers.ce_id === after));
    expect(relayed.filter((m) => [huge, after].includes(m.headers.ce_id)).map((m) => m.headers.ce_id)).toEqual([after]);
  });
});
