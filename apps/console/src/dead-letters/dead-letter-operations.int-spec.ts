import { randomUUID } from 'node:crypto';
import {
  DeadLetterHeaders,
  EnterpriseRegisteredV1,
  LicenceGrantedV1,
  createEvent,
  ingressTopic,
  toKafkaMessage,
} from '@hub/contracts';
import { RunningHubApp, startHubApp } from '@hub/platform';
import { IsolatedEnv, assertedCall, eventually, isolatedEnv, readTopic, testKafka } from '@hub/testing';
import { consoleApp } from '../console.app';
import { DeadLetterSummary, DeadLetterView } from './dead-letter.view';
import { DeadLetterAction } from './entities/dead-letter-action.entity';

interface Problem {
  status: number;
  errors?: { field: string; rule: string }[];
}

/** Filters, replays of many, the record of actions and openings, and payload visibility per role, for real. */
describe('console dead-letter operations', () => {
  let iso: IsolatedEnv;
  let hub: RunningHubApp;
  let nextOffset = 1000;
  const run = randomUUID().slice(0, 8);
  const as =
    (name: string, ...roles: string[]) =>
    <T>(method: string, target: string, body?: unknown) =>
      assertedCall<T>(
        hub.url,
        iso.edgeKeys.privateKey,
        { audience: 'console', department: 'XXHZX', subject: `acct-${name}`, person: { name, roles } },
        method,
        target,
        body,
      );
  const operator = () => as('ops-li', 'operator');
  const auditor = () => as('audit-wang', 'auditor');
  const admin = () => as('admin-zhao', 'admin');

  /** A letter of `event` (binary mode) from `topic`, as a consumer dead-letters it; its summary once stored. */
  async function deadLetter(topic: string, event: ReturnType<typeof createEvent>, reason: string) {
    const message = toKafkaMessage(event, 'binary');
    const headers = Object.fromEntries(Object.entries(message.headers).map(([n, v]) => [n, String(v)]));
    const producer = testKafka(iso.brokers).producer();
    await producer.connect();
    await producer.send({
      topic: `${topic}.dlq`,
      messages: [
        {
          key: message.key,
          value: message.value,
          headers: {
            ...headers,
            [DeadLetterHeaders.reason]: reason,
            [DeadLetterHeaders.originalTopic]: topic,
            [DeadLetterHeaders.originalPartition]: '0',
            [DeadLetterHeaders.originalOffset]: String(nextOffset++),
            [DeadLetterHeaders.consumer]: `${iso.topicPrefix}registry`,
            [DeadLetterHeaders.attempts]: '5',
          },
        },
      ],
    });
    await producer.disconnect();
    return eventually(async () => {
      const listed = await operator()<DeadLetterSummary[]>('GET', `/v1/dead-letters?topic=${topic}&limit=500`);
      const found = listed.body.find((l) => l.headers['ce_id'] === event.id);
      expect(found).toBeDefined();
      return found!;
    });
  }

  const enterprise = (legalRepresentative = '孙悟空') =>
    createEvent(
      EnterpriseRegisteredV1,
      { ...EnterpriseRegisteredV1.example, legalRepresentative },
      { source: '/departments/SPJ/systems/registration' },
    );
  const canonical = () => `${iso.topicPrefix}${EnterpriseRegisteredV1.topic}`;
  const ids = async (query: string): Promise<string[]> =>
    (await operator()<DeadLetterSummary[]>('GET', `/v1/dead-letters?limit=500&${query}`)).body.map((l) => l.id);
  const actionsOf = async (id: string): Promise<DeadLetterAction[]> =>
    (await auditor()<DeadLetterAction[]>('GET', `/v1/dead-letters/actions?letter=${id}`)).body;

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

  it('filters by department, type, reason and time, and names a bad filter', async () => {
    const started = new Date();
    const spj = await deadLetter(canonical(), enterprise(), `projection down ${run}-A`);
    const granted = createEvent(LicenceGrantedV1, LicenceGrantedV1.example, {
      source: '/departments/SPJ/systems/approval',
    });
    const licence = await deadLetter(`${iso.topicPrefix}${LicenceGrantedV1.topic}`, granted, `unique ${run}-B`);
    const scjg = await deadLetter(`${iso.topicPrefix}${ingressTopic('SCJG')}`, enterprise(), `owned ${run}-C`);
    expect(scjg.department).toBe('SCJG');

    expect(await ids(`department=SCJG`)).toContain(scjg.id);
    expect(await ids(`department=SCJG`)).not.toContain(spj.id);
    expect(await ids(`type=${LicenceGrantedV1.type}`)).toEqual([licence.id]);
    expect(await ids(`reason=${encodeURIComponent(`${run}-a`)}`)).toEqual([spj.id]); // any case
    expect(await ids(`reason=${run}-%25`)).toEqual([]); // % is taken literally
    const since = await ids(`from=${started.toISOString()}&reason=${run}`);
    expect(since.sort()).toEqual([spj.id, licence.id, scjg.id].sort());
    expect(await ids(`to=${started.toISOString()}&reason=${run}`)).toEqual([]);

    const bad = await operator()<Problem>('GET', '/v1/dead-letters?from=yesterday&department=NOPE');
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'from' }),
        expect.objectContaining({ field: 'department' }),
      ]),
    );
  });

  it('replays the letters chosen and every open one a filter matches, once each, recording who and why', async () => {
    const [a, b] = [
      await deadLetter(canonical(), enterprise(), `chosen ${run}`),
      await deadLetter(canonical(), enterprise(), `chosen ${run}`),
    ];
    const chosen = await operator()<{ replayed: string[]; refused: { id: string }[] }>(
      'POST',
      '/v1/dead-letters/replay',
      {
        ids: [a.id, b.id],
        note: 'registry fixed',
      },
    );
    expect(chosen.status).toBe(200);
    expect(chosen.body.replayed.sort()).toEqual([a.id, b.id].sort());
    const again = await operator()<{ replayed: string[]; refused: { id: string; reason: string }[] }>(
      'POST',
      '/v1/dead-letters/replay',
      { ids: [a.id] },
    );
    expect(again.body).toEqual({
      replayed: [],
      refused: [expect.objectContaining({ id: a.id, reason: expect.stringMatching(/replayed already/) })],
    });
    expect(await actionsOf(a.id)).toEqual([
      expect.objectContaining({ action: 'refused', actorName: 'ops-li' }),
      expect.objectContaining({
        action: 'replayed',
        actor: 'acct-ops-li',
        actorName: 'ops-li',
        note: 'registry fixed',
      }),
    ]);

    const matching = [
      await deadLetter(canonical(), enterprise(), `bulk ${run}`),
      await deadLetter(canonical(), enterprise(), `bulk ${run}`),
    ];
    const bulk = await operator()<{ replayed: string[] }>('POST', '/v1/dead-letters/replay', {
      filter: { reason: `bulk ${run}` },
    });
    expect(bulk.body.replayed.sort()).toEqual(matching.map((l) => l.id).sort());
    const events = matching.map((l) => l.headers['ce_id']);
    const replayed = await readTopic(iso.brokers, canonical(), (m) =>
      events.every((id) => m.some((x) => x.headers['ce_id'] === id)),
    );
    for (const id of events) expect(replayed.filter((x) => x.headers['ce_id'] === id)).toHaveLength(1);

    const neither = await operator()<Problem>('POST', '/v1/dead-letters/replay', {});
    expect(neither.status).toBe(400);
    expect(neither.body.errors).toContainEqual(expect.objectContaining({ field: 'ids', rule: 'idsOrFilter' }));
  });

  it('lets auditors read but not act, records each opening, and hides payloads from a role an admin turned off', async () => {
    const letter = await deadLetter(canonical(), enterprise('猪八戒'), `visibility ${run}`);
    const opened = await auditor()<DeadLetterView>('GET', `/v1/dead-letters/${letter.id}`);
    expect(opened.body.value).toMatchObject({ encoding: 'json', json: { legalRepresentative: '猪**' } });
    expect(await actionsOf(letter.id)).toEqual([
      expect.objectContaining({ action: 'viewed', actorName: 'audit-wang' }),
    ]);

    for (const [method, path, body] of [
      ['POST', `/v1/dead-letters/${letter.id}/replay`, {}],
      ['POST', '/v1/dead-letters/replay', { ids: [letter.id] }],
      ['POST', `/v1/dead-letters/${letter.id}/discard`, { note: 'no' }],
      ['PUT', '/v1/dead-letters/payload-visibility', { role: 'auditor', visibility: 'off' }],
    ] as const) {
      expect([path, (await auditor()<Problem>(method, path, body)).status]).toEqual([path, 403]);
    }

    const set = await admin()('PUT', '/v1/dead-letters/payload-visibility', { role: 'auditor', visibility: 'off' });
    expect(set.status).toBe(200);
    const hidden = await auditor()<DeadLetterView>('GET', `/v1/dead-letters/${letter.id}`);
    expect(hidden.body.value).toEqual({ encoding: 'hidden' });
    expect(JSON.stringify(hidden.body)).not.toContain('猪');
    expect(await actionsOf(letter.id)).toHaveLength(1); // no payload, no opening
    expect((await operator()<DeadLetterView>('GET', `/v1/dead-letters/${letter.id}`)).body.value).toMatchObject({
      encoding: 'json',
    });
    const settings = await auditor()<{ role: string; visibility: string }[]>(
      'GET',
      '/v1/dead-letters/payload-visibility',
    );
    expect(settings.body).toEqual([
      { role: 'operator', visibility: 'masked' },
      { role: 'auditor', visibility: 'off' },
    ]);
    const changes = await auditor()<DeadLetterAction[]>('GET', '/v1/dead-letters/actions?limit=500');
    expect(changes.body).toContainEqual(
      expect.objectContaining({ action: 'visibility', actorName: 'admin-zhao', note: 'auditor: off' }),
    );
    await admin()('PUT', '/v1/dead-letters/payload-visibility', { role: 'auditor', visibility: 'masked' });
  });
});
