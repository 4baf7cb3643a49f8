import { randomUUID } from 'node:crypto';
import { DeadLetterHeaders, EnterpriseRegisteredV1, createEvent, toKafkaMessage } from '@hub/contracts';
import { RunningHubApp, startHubApp } from '@hub/platform';
import { IsolatedEnv, demoCredential, eventually, isolatedEnv, readTopic, signedCall, testKafka } from '@hub/testing';
import { consoleApp } from '../console.app';
import { DeadLetterView } from './dead-letter.view';

interface Problem {
  status: number;
  errors?: { field: string; rule: string }[];
}

/** The console in-process on the real broker and database, called as 信息化中心's operators (and others) would. */
describe('console dead letters', () => {
  let iso: IsolatedEnv;
  let hub: RunningHubApp;
  let nextOffset = 100;
  const operator = demoCredential('XXHZX');
  const originalTopic = (): string => `${iso.topicPrefix}${EnterpriseRegisteredV1.topic}`;
  const asOperator = <T>(method: string, target: string, body?: unknown) =>
    signedCall<T>(hub.url, operator, method, target, body);

  /** A message some consumer gave up on, as HubKafkaServer dead-letters it; resolves to its row once collected. */
  async function deadLetter(
    message: { id: string; value: Buffer | string; headers: Record<string, string> } = {
      id: randomUUID(),
      value: '',
      headers: { 'content-type': 'application/cloudevents+json' },
    },
  ): Promise<{ letter: DeadLetterView; id: string; key: string; value: string }> {
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
      const listed = await asOperator<DeadLetterView[]>('GET', `/v1/dead-letters?topic=${originalTopic()}`);
      const found = listed.body.find((l) => l.headers.ce_id === id);
      expect(found).toBeDefined();
      return found!;
    });
    return { letter, id, key, value };
  }

  beforeAll(async () => {
    iso = await isolatedEnv();
    hub = await startHubApp(consoleApp, iso.env);
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

  it('refuses an unsigned call (401) and another department (403), as problem details', async () => {
    const unsigned = await signedCall<Problem>(hub.url, null, 'GET', '/v1/dead-letters');
    expect(unsigned.status).toBe(401);
    expect(unsigned.contentType).toMatch(/application\/problem\+json/);
    const spj = await signedCall<Problem>(hub.url, demoCredential('SPJ'), 'GET', '/v1/dead-letters');
    expect(spj.status).toBe(403);
    expect(spj.contentType).toMatch(/application\/problem\+json/);
    const replay = await signedCall<Problem>(hub.url, demoCredential('SCJG'), 'POST', '/v1/dead-letters/1/replay', {});
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
    const { letter } = await deadLetter({ id: event.id, value: message.value!, headers });
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
});
