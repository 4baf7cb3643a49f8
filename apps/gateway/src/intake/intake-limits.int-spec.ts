import { randomUUID } from 'node:crypto';
import {
  CloudEvent,
  DeadLetterHeaders,
  EnterpriseRegisteredV1,
  ingressTopic,
  toHttpRequest,
  toKafkaMessage,
} from '@hub/contracts';
import { demoEnterprises, enterpriseRegisteredEvent } from '@hub/demo';
import { RunningHubApp, startHubApp } from '@hub/platform';
import { IsolatedEnv, ReadMessage, isolatedEnv, readTopic, testKafka } from '@hub/testing';
import { SigningKey, signedFetch } from '../auth/signed-fetch';
import { gatewayApp } from '../gateway.app';
import { toGatewayEnv } from '../gateway.env';

const ADMIN: SigningKey = { accessKeyId: 'AKLIMITSADMIN', secret: 'limits-admin-secret-0123456789abcdef' };
const STRUCTURED = 'application/cloudevents+json; charset=UTF-8';
const BATCH = 'application/cloudevents-batch+json; charset=UTF-8';
/**
 * A ceiling, not a speed: the checks take milliseconds; the old media type pattern took 240 ms at 22 repetitions of
 * ' ;' and doubled with each, so at 32 it held the event loop for minutes.
 */
const STEP_BOUND_MS = 10_000;
const ADVERSARIAL_MEDIA_TYPE = `a/b;${' ;'.repeat(32)}\u0001`;
/** The same for an HTTP header, which cannot carry a control character: any character the pattern refuses will do. */
const ADVERSARIAL_HEADER = `a/b;${' ;'.repeat(32)}@`;

interface Problem {
  type: string;
  status: number;
  errors?: { field: string; rule: string; message: string }[];
}

/** `{ a: { a: … } }`, `levels` objects deep. */
function nested(levels: number): unknown {
  let value: unknown = 1;
  for (let i = 0; i < levels; i++) value = { a: value };
  return value;
}

/** The outside drive's defects (issue 14), each answered 400 before anything is stored, over HTTP and Kafka. */
describe('intake limits', () => {
  let iso: IsolatedEnv;
  let hub: RunningHubApp;
  let spj: SigningKey;
  let nextEnterprise = 300_000;

  const canonical = (): string => `${iso.topicPrefix}${EnterpriseRegisteredV1.topic}`;
  const ingress = (): string => `${iso.topicPrefix}${ingressTopic('SPJ')}`;
  const newEvent = (change: Record<string, unknown> = {}): CloudEvent => ({
    ...enterpriseRegisteredEvent(demoEnterprises(1, nextEnterprise++)[0], randomUUID()),
    ...change,
  });
  const withData = (event: CloudEvent, change: Record<string, unknown>): CloudEvent => ({
    ...event,
    data: { ...(event.data as object), ...change },
  });
  const publish = (event: unknown, headers: Record<string, string> = {}) =>
    signedFetch(hub.url, '/v1/events', spj, {
      body: JSON.stringify(event),
      headers: { 'content-type': STRUCTURED, ...headers },
    });
  const rules = async (response: Response): Promise<string[]> =>
    (((await response.json()) as Problem).errors ?? []).map((e) => `${e.field}:${e.rule}`);
  const produce = async (
    topic: string,
    messages: { key: string | null; value: Buffer | string | null; headers: Record<string, string> }[],
  ) => {
    const producer = testKafka(iso.brokers).producer();
    await producer.connect();
    await producer.send({ topic, messages });
    await producer.disconnect();
  };
  const byId = (messages: ReadMessage[], id: string) => messages.filter((m) => m.headers['ce_id'] === id);
  const deadLetters = (ids: string[]) =>
    readTopic(iso.brokers, `${ingress()}.dlq`, (m) => ids.every((id) => byId(m, id).length > 0));

  beforeAll(async () => {
    iso = await isolatedEnv();
    hub = await startHubApp(
      gatewayApp,
      toGatewayEnv(iso.env, { HUB_ADMIN_ACCESS_KEY_ID: ADMIN.accessKeyId, HUB_ADMIN_SECRET: ADMIN.secret }),
    );
    const response = await signedFetch(hub.url, '/v1/admin/systems', ADMIN, {
      body: JSON.stringify({ department: 'SPJ', name: 'registration' }),
    });
    expect(response.status).toBe(201);
    spj = ((await response.json()) as { credential: SigningKey }).credential;
  });

  afterAll(async () => {
    await hub?.close();
    await iso?.dispose();
  });

  it('answers 400 to the adversarial datacontenttype, structured and binary, within the step bound', async () => {
    const started = performance.now();
    const structured = await publish(newEvent({ datacontenttype: ADVERSARIAL_MEDIA_TYPE }));
    expect(structured.status).toBe(400);
    expect(await rules(structured)).toContain('datacontenttype:isMediaType');
    const event = newEvent();
    const request = toHttpRequest(event, 'binary');
    const binary = await signedFetch(hub.url, '/v1/events', spj, {
      body: request.body,
      headers: { ...request.headers, 'content-type': ADVERSARIAL_HEADER },
    });
    expect(binary.status).toBe(400);
    expect(await rules(binary)).toContain('datacontenttype:isMediaType');
    expect(performance.now() - started).toBeLessThan(STEP_BOUND_MS);
  });

  it('answers 400 naming the field and rule for long identifiers, deep nesting, NUL and unpaired surrogates', async () => {
    const cases: [CloudEvent, string][] = [
      [newEvent({ id: 'x'.repeat(3_000) }), 'id:maxLength'],
      [newEvent({ source: `/departments/SPJ/systems/${'s'.repeat(3_000)}` }), 'source:maxLength'],
      [withData(newEvent(), { extra: nested(2_000) }), `data.extra${'.a'.repeat(15)}:maxDepth`],
      [withData(newEvent(), { name: '某某\u0000公司' }), 'data.name:noNul'],
      [withData(newEvent(), { name: '某某\ud800公司' }), 'data.name:noLoneSurrogate'],
      [withData(newEvent(), { ['\udc00']: 1 }), 'data["\\udc00"]:noLoneSurrogate'],
    ];
    for (const [event, rule] of cases) {
      const response = await publish(event);
      expect({ rule, status: response.status }).toEqual({ rule, status: 400 });
      expect(await rules(response)).toEqual([rule]);
    }
  });

  it('refuses a deeply nested event of a batch on its own and accepts its neighbours', async () => {
    const good = newEvent();
    const response = await signedFetch(hub.url, '/v1/events:batch', spj, {
      body: JSON.stringify([withData(newEvent(), { extra: nested(2_000) }), good]),
      headers: { 'content-type': BATCH },
    });
    expect(response.status).toBe(207);
    const answer = (await response.json()) as { results: { status: number; problem?: Problem }[] };
    expect(answer.results.map((r) => r.status)).toEqual([400, 202]);
    expect(answer.results[0]?.problem?.errors?.map((e) => e.rule)).toEqual(['maxDepth']);
    expect(byId(await readTopic(iso.brokers, canonical(), (m) => byId(m, good.id).length > 0), good.id)).toHaveLength(
      1,
    );
  });

  it('dead-letters such events from the Kafka ingress at once as invalid, not as a failing handler', async () => {
    const deep = withData(newEvent(), { extra: nested(2_000) });
    const nul = withData(newEvent(), { name: 'a\u0000b' });
    const mediaType = newEvent();
    const poisoned = toKafkaMessage(mediaType, 'binary');
    await produce(ingress(), [
      toKafkaMessage(deep, 'binary'),
      toKafkaMessage(nul, 'binary'),
      { ...poisoned, headers: { ...poisoned.headers, 'content-type': ADVERSARIAL_MEDIA_TYPE } },
    ]);
    const letters = await deadLetters([deep.id, nul.id, mediaType.id]);
    for (const [id, rule] of [
      [deep.id, 'maxDepth'],
      [nul.id, 'noNul'],
      [mediaType.id, 'isMediaType'],
    ] as const) {
      const [letter, ...more] = byId(letters, id);
      expect(more).toEqual([]);
      // Invalid: dead-lettered on the first attempt with the contract's errors, not after the handler's retries.
      expect({ id, attempts: letter!.headers[DeadLetterHeaders.attempts] }).toEqual({ id, attempts: '1' });
      const errors = JSON.parse(letter!.headers[DeadLetterHeaders.errors] ?? '[]') as { rule: string }[];
      expect(errors.map((e) => e.rule)).toContain(rule);
    }
  });

  it('keys the canonical topic by the USCC whatever partitionkey or record key a publisher chose', async () => {
    // HTTP: a partitionkey of the publisher's own is refused; without one, the hub derives it.
    const chosen = newEvent({ partitionkey: 'chosen-by-the-publisher' });
    const refused = await publish(chosen);
    expect(refused.status).toBe(400);
    expect(await rules(refused)).toEqual(['partitionkey:partitionKeyMatchesKey']);
    const { partitionkey: _omitted, ...unkeyed } = newEvent();
    const request = toHttpRequest(unkeyed as CloudEvent, 'binary');
    expect(
      (await signedFetch(hub.url, '/v1/events', spj, { body: request.body, headers: request.headers })).status,
    ).toBe(202);

    // Kafka ingress: the record key must be the USCC too; a record under another key, or none, is dead-lettered.
    const [otherKey, noKey, keyed] = [newEvent(), newEvent(), newEvent()];
    await produce(ingress(), [
      { ...toKafkaMessage(otherKey, 'binary'), key: 'chosen-by-the-publisher' },
      { ...toKafkaMessage(noKey, 'binary'), key: null },
      toKafkaMessage(keyed, 'binary'),
    ]);
    const letters = await deadLetters([otherKey.id, noKey.id]);
    for (const id of [otherKey.id, noKey.id]) {
      const errors = JSON.parse(byId(letters, id)[0]!.headers[DeadLetterHeaders.errors] ?? '[]') as {
        field: string;
        rule: string;
      }[];
      expect(errors.map((e) => `${e.field}:${e.rule}`)).toEqual(['key:partitionKeyMatchesKey']);
    }
    const ids = [unkeyed.id as string, keyed.id];
    const onKafka = await readTopic(iso.brokers, canonical(), (m) => ids.every((id) => byId(m, id).length > 0));
    for (const event of [unkeyed, keyed]) {
      const [message] = byId(onKafka, event.id as string);
      expect(message!.message.key?.toString()).toBe(event.subject);
      expect(message!.headers['ce_partitionkey']).toBe(event.subject);
    }
    const later = await readTopic(iso.brokers, canonical(), () => false, 3_000);
    expect(later.filter((m) => [otherKey.id, noKey.id].includes(m.headers['ce_id'] ?? ''))).toEqual([]);
  });
});
