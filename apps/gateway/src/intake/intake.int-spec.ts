import { randomUUID } from 'node:crypto';
import { CloudEvent, EnterpriseRegisteredV1, ingressTopic, toHttpRequest, toKafkaMessage } from '@hub/contracts';
import { demoEnterprises, enterpriseRegisteredEvent } from '@hub/demo';
import { RunningHubApp, startHubApp } from '@hub/platform';
import { IsolatedEnv, ReadMessage, eventually, isolatedEnv, readTopic, testKafka } from '@hub/testing';
import { SigningKey, signedFetch } from '../auth/signed-fetch';
import { gatewayApp } from '../gateway.app';
import { toGatewayEnv } from '../gateway.env';
import { legacyEventFingerprint } from './event-fingerprint';
import type { BatchResult } from './intake.controller';
import type { Receipt } from './intake.service';
import { ReceiptRetention } from './receipt-retention';

const ADMIN: SigningKey = { accessKeyId: 'AKINTAKEADMIN', secret: 'intake-admin-secret-0123456789abcdef' };
const STRUCTURED = 'application/cloudevents+json; charset=UTF-8';
const BATCH = 'application/cloudevents-batch+json; charset=UTF-8';

interface Problem {
  type: string;
  status: number;
  detail: string;
  errors?: { field: string; rule: string; message: string }[];
}
interface BatchAnswer {
  accepted: number;
  refused: number;
  results: { index: number; status: number; duplicate?: boolean; receipt?: Receipt; problem?: Problem }[];
}

/** The HTTP intake as department systems use it, against the real gateway, PostgreSQL and Kafka. */
describe('HTTP intake', () => {
  let iso: IsolatedEnv;
  let hub: RunningHubApp;
  const keys: Record<string, SigningKey> = {};
  let nextEnterprise = 100_000;

  const topic = (): string => `${iso.topicPrefix}${EnterpriseRegisteredV1.topic}`;
  const newEvent = (change: Record<string, unknown> = {}): CloudEvent => ({
    ...enterpriseRegisteredEvent(demoEnterprises(1, nextEnterprise++)[0], randomUUID()),
    ...change,
  });
  const publish = (
    key: SigningKey,
    event: unknown,
    options: { headers?: Record<string, string>; path?: string } = {},
  ) =>
    signedFetch(hub.url, options.path ?? '/v1/events', key, {
      body: JSON.stringify(event),
      headers: { 'content-type': STRUCTURED, ...options.headers },
    });
  const publishBinary = (key: SigningKey, event: CloudEvent) => {
    const request = toHttpRequest(event, 'binary');
    return signedFetch(hub.url, '/v1/events', key, { body: request.body, headers: request.headers });
  };
  const publishBatch = (key: SigningKey, events: unknown[]) =>
    signedFetch(hub.url, '/v1/events:batch', key, { body: JSON.stringify(events), headers: { 'content-type': BATCH } });
  const problemOf = async (response: Response): Promise<Problem> => {
    expect(response.headers.get('content-type')).toMatch(/application\/problem\+json/);
    return (await response.json()) as Problem;
  };
  const rules = (problem: Problem) => (problem.errors ?? []).map((e) => `${e.field}:${e.rule}`);
  /** What is on the canonical topic for these event ids, once the last of them has arrived. */
  const onKafka = async (ids: string[]): Promise<ReadMessage[]> => {
    const mine = (messages: ReadMessage[]) => messages.filter((m) => ids.includes(m.headers['ce_id']));
    const seen = await readTopic(
      iso.brokers,
      topic(),
      (m) => new Set(mine(m).map((x) => x.headers['ce_id'])).size === new Set(ids).size,
    );
    return mine(seen);
  };

  beforeAll(async () => {
    iso = await isolatedEnv();
    hub = await startHubApp(
      gatewayApp,
      toGatewayEnv(iso.env, {
        HUB_ADMIN_ACCESS_KEY_ID: ADMIN.accessKeyId,
        HUB_ADMIN_SECRET: ADMIN.secret,
        GATEWAY_MAX_EVENT_BYTES: '8192',
        GATEWAY_RATE_LIMITS: 'YJJ=1',
      }),
    );
    for (const [department, name] of [
      ['SPJ', 'registration'],
      ['SCJG', 'supervision'],
      ['YJJ', 'emergency'],
    ]) {
      const response = await signedFetch(hub.url, '/v1/admin/systems', ADMIN, {
        body: JSON.stringify({ department, name }),
      });
      expect(response.status).toBe(201);
      keys[department] = ((await response.json()) as { credential: SigningKey }).credential;
    }
  });

  afterAll(async () => {
    await hub?.close();
    await iso?.dispose();
  });

  it('accepts a structured event with a receipt and puts it on its topic, stamped with the hub id and department', async () => {
    const event = newEvent({ department: undefined }); // left out: the hub stamps it
    const response = await publish(keys.SPJ, event);
    expect(response.status).toBe(202);
    expect(response.headers.get('hub-duplicate')).toBeNull();
    const receipt = (await response.json()) as Receipt;
    expect(receipt).toEqual({
      hubId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      id: event.id,
      source: event.source,
      type: EnterpriseRegisteredV1.type,
      topic: topic(),
      acceptedAt: expect.any(String),
    });
    expect(Math.abs(Date.parse(receipt.acceptedAt) - Date.now())).toBeLessThan(60_000);
    const [message, ...more] = await onKafka([event.id]);
    expect(more).toEqual([]);
    expect(message.headers['ce_hubid']).toBe(receipt.hubId);
    expect(message.headers['ce_department']).toBe('SPJ');
    expect(message.message.key?.toString()).toBe(event.subject);
    expect(JSON.parse(message.value)).toEqual(event.data);
  });

  it('accepts an event in binary mode (ce- headers, data as the body)', async () => {
    const event = newEvent();
    const response = await publishBinary(keys.SPJ, event);
    expect(response.status).toBe(202);
    expect(((await response.json()) as Receipt).id).toBe(event.id);
    expect(await onKafka([event.id])).toHaveLength(1);
  });

  it('answers a duplicate with the original receipt, in any mode, and makes no second event', async () => {
    const event = newEvent();
    const first = (await (await publish(keys.SPJ, event)).json()) as Receipt;
    const again = await publish(keys.SPJ, event);
    expect(again.status).toBe(202);
    expect(again.headers.get('hub-duplicate')).toBe('true');
    expect(await again.json()).toEqual(first);
    const binary = await publishBinary(keys.SPJ, event);
    expect(await binary.json()).toEqual(first);
    // A later event with the same key is behind any copy on the same partition.
    const marker = newEvent({ subject: event.subject, partitionkey: event.subject, data: event.data });
    expect((await publish(keys.SPJ, marker)).status).toBe(202);
    const messages = await onKafka([event.id, marker.id]);
    expect(messages.filter((m) => m.headers['ce_id'] === event.id)).toHaveLength(1);
  });

  it('answers a resend that leaves out or changes an optional attribute as the same event (the docs: send it again)', async () => {
    const event = newEvent({
      correlationid: randomUUID(),
      traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
    });
    const first = (await (await publish(keys.SPJ, event)).json()) as Receipt;
    const { time, datacontenttype, partitionkey, correlationid, traceparent, department, ...bare } = event;
    expect([time, datacontenttype, partitionkey, correlationid, traceparent, department]).not.toContain(undefined);
    const resent = await publish(keys.SPJ, bare);
    expect(resent.status).toBe(202);
    expect(resent.headers.get('hub-duplicate')).toBe('true');
    expect(await resent.json()).toEqual(first);
    const later = await publish(keys.SPJ, { ...event, time: new Date(Date.now() + 1_000).toISOString() });
    expect(later.status).toBe(202);
    expect(await later.json()).toEqual(first);
    // The event kept and relayed is the first one, once.
    const messages = await onKafka([event.id]);
    expect(messages).toHaveLength(1);
    expect(messages[0]!.headers['ce_correlationid']).toBe(correlationid);
  });

  it('still recognises an event whose receipt holds the fingerprint of the whole event, as stored before', async () => {
    const event = newEvent();
    const first = (await (await publish(keys.SPJ, event)).json()) as Receipt;
    await hub.dataSource.query(`UPDATE gateway.intake_receipt SET fingerprint = $1 WHERE hub_id = $2`, [
      legacyEventFingerprint(event),
      first.hubId,
    ]);
    const again = await publish(keys.SPJ, event);
    expect(again.status).toBe(202);
    expect(await again.json()).toEqual(first);
    const changed = await publish(keys.SPJ, { ...event, data: { ...(event.data as object), name: '另一家公司' } });
    expect(changed.status).toBe(409);
  });

  it('answers 409 for the same source and id with a different body', async () => {
    const event = newEvent();
    expect((await publish(keys.SPJ, event)).status).toBe(202);
    const changed = { ...event, data: { ...(event.data as object), name: '另一家公司' } };
    const response = await publish(keys.SPJ, changed);
    expect(response.status).toBe(409);
    const problem = await problemOf(response);
    expect(problem.type).toBe('urn:hub:problem:id-conflict');
    expect(rules(problem)).toEqual(['id:uniqueWithinSource']);
  });

  it('judges concurrent requests, committed together, each on its own: new, duplicate, conflicting, replayed', async () => {
    // Forty requests in flight at once: the gateway commits them in groups (one transaction each), and each
    // request must still get exactly its own answer.
    const events = Array.from({ length: 10 }, () => newEvent());
    const changed = (event: CloudEvent) => ({ ...event, data: { ...(event.data as object), name: '并发改名' } });
    const nonce = `concurrent-${randomUUID()}`;
    const timestamp = Math.floor(Date.now() / 1000);
    const replayable = newEvent();
    const sameNonce = () =>
      signedFetch(hub.url, '/v1/events', keys.SPJ, {
        body: JSON.stringify(replayable),
        headers: { 'content-type': STRUCTURED },
        nonce,
        timestamp,
      });
    const responses = await Promise.all([
      ...events.map((event) => publish(keys.SPJ, event)),
      ...events.map((event) => publish(keys.SPJ, event)),
      ...events.map((event) => publish(keys.SPJ, changed(event))),
      ...Array.from({ length: 10 }, sameNonce),
    ]);
    const answers = await Promise.all(
      responses.map(async (r) => ({
        status: r.status,
        duplicate: r.headers.get('hub-duplicate'),
        body: await r.json(),
      })),
    );
    events.forEach((event, i) => {
      const copies = [answers[i]!, answers[10 + i]!, answers[20 + i]!];
      const receipts = copies.filter((a) => a.status === 202).map((a) => a.body as Receipt);
      // Whichever body came first is the event; the same body again is a duplicate of it, the other a conflict.
      expect(copies.filter((a) => a.status === 202 && a.duplicate !== 'true')).toHaveLength(1);
      expect(new Set(receipts.map((r) => r.hubId)).size).toBe(1);
      expect(receipts[0]!.id).toBe(event.id);
      // The original body first: it and its copy get the receipt, the changed one 409; the changed body first: 409 twice.
      expect(copies.map((a) => a.status).sort()).toEqual(receipts.length === 2 ? [202, 202, 409] : [202, 409, 409]);
    });
    const nonceAnswers = answers.slice(30);
    expect(nonceAnswers.filter((a) => a.status === 202)).toHaveLength(1);
    expect(nonceAnswers.filter((a) => a.status === 401).map((a) => (a.body as Problem).type)).toEqual(
      Array(9).fill('urn:hub:problem:replayed-nonce'),
    );
    const messages = await onKafka([...events.map((e) => e.id), replayable.id]);
    expect(messages).toHaveLength(11);
  });

  it('answers 400 naming every failing field and rule', async () => {
    const event = newEvent();
    const data = event.data as Record<string, unknown>;
    const response = await publish(keys.SPJ, {
      ...event,
      time: 'yesterday',
      data: { ...data, uscc: '91130871MA0CXQ123X', establishedOn: '2026-02-30', extra: true },
    });
    expect(response.status).toBe(400);
    const problem = await problemOf(response);
    expect(problem.type).toBe('urn:hub:problem:invalid-event');
    expect(rules(problem)).toEqual(
      expect.arrayContaining([
        'time:isRfc3339',
        'data.uscc:usccChecksum',
        'data.establishedOn:isCalendarDate',
        'data.extra:whitelistValidation',
      ]),
    );
    const garbled = await signedFetch(hub.url, '/v1/events', keys.SPJ, {
      body: '{"specversion":',
      headers: { 'content-type': STRUCTURED },
    });
    expect(garbled.status).toBe(400);
    expect(rules(await problemOf(garbled))).toEqual(['body:json']);
    const unknownType = await publish(keys.SPJ, { ...event, type: 'zone.approval.enterprise.teleported.v1' });
    expect(rules(await problemOf(unknownType))).toEqual(['type:registered']);
  });

  it("refuses with 403 a system publishing another department's type, or as another department", async () => {
    const event = newEvent();
    const asScjg = await publish(keys.SCJG, {
      ...event,
      source: '/departments/SCJG/systems/supervision',
      department: 'SCJG',
    });
    expect(asScjg.status).toBe(403);
    const problem = await problemOf(asScjg);
    expect(problem.type).toBe('urn:hub:problem:forbidden');
    expect(rules(problem)).toEqual(['type:owner']);
    expect(problem.errors![0].message).toBe(`${EnterpriseRegisteredV1.type} is owned by SPJ, not SCJG`);

    const forgedSource = await problemOf(await publish(keys.SPJ, { ...event, source: '/departments/SCJG/systems/x' }));
    expect(rules(forgedSource)).toEqual(['source:matchesDepartment']);
    const forgedDepartment = await problemOf(await publish(keys.SPJ, { ...event, department: 'SCJG' }));
    expect(rules(forgedDepartment)).toEqual(['department:matchesDepartment']);
    expect(await onKafkaCount(event.id)).toBe(0);
  });

  it("refuses with 403 a system publishing under another system's source of its own department", async () => {
    // SPJ's key signs for its system `registration`; `approval` is another system of SPJ.
    const event = newEvent({ source: '/departments/SPJ/systems/approval' });
    const response = await publish(keys.SPJ, event);
    expect(response.status).toBe(403);
    const problem = await problemOf(response);
    expect(problem.type).toBe('urn:hub:problem:forbidden');
    expect(problem.errors).toEqual([
      {
        field: 'source',
        rule: 'matchesSystem',
        message: "source must be /departments/SPJ/systems/registration, the signing system's own (or a path below it)",
      },
    ]);
    const batch = await publishBatch(keys.SPJ, [
      event,
      newEvent({ source: '/departments/SPJ/systems/registration/desk' }),
    ]);
    expect(batch.status).toBe(207);
    const { results } = (await batch.json()) as BatchAnswer;
    expect(results.map((r) => r.status)).toEqual([403, 202]);
    expect(await onKafkaCount(event.id)).toBe(0);
  });

  it('answers 401 per the signing spec: unsigned, stale and replayed requests', async () => {
    const event = newEvent();
    const body = JSON.stringify(event);
    const unsigned = await fetch(`${hub.url}/v1/events`, {
      method: 'POST',
      body,
      headers: { 'content-type': STRUCTURED },
    });
    expect((await problemOf(unsigned)).type).toBe('urn:hub:problem:missing-signature');
    const stale = await signedFetch(hub.url, '/v1/events', keys.SPJ, {
      body,
      headers: { 'content-type': STRUCTURED },
      timestamp: Math.floor(Date.now() / 1000) - 600,
    });
    expect((await problemOf(stale)).type).toBe('urn:hub:problem:stale-timestamp');
    const nonce = `replay-${randomUUID()}`;
    const timestamp = Math.floor(Date.now() / 1000);
    const original = await signedFetch(hub.url, '/v1/events', keys.SPJ, {
      body,
      headers: { 'content-type': STRUCTURED },
      nonce,
      timestamp,
    });
    expect(original.status).toBe(202);
    const replay = await signedFetch(hub.url, '/v1/events', keys.SPJ, {
      body,
      headers: { 'content-type': STRUCTURED },
      nonce,
      timestamp,
    });
    expect(replay.status).toBe(401);
    expect((await problemOf(replay)).type).toBe('urn:hub:problem:replayed-nonce');
  });

  it('refuses the replay of a request it refused, whatever refused it (the nonce goes in with the events, or alone)', async () => {
    const twice = async (path: string, body: string, contentType: string): Promise<[number, number, string]> => {
      const signing = { body, headers: { 'content-type': contentType }, nonce: `again-${randomUUID()}` };
      const timestamp = Math.floor(Date.now() / 1000);
      const first = await signedFetch(hub.url, path, keys.SPJ, { ...signing, timestamp });
      const replay = await signedFetch(hub.url, path, keys.SPJ, { ...signing, timestamp });
      return [first.status, replay.status, (await problemOf(replay)).type];
    };
    const replayed = 'urn:hub:problem:replayed-nonce';
    const invalid = { ...newEvent(), time: 'yesterday' };
    expect(await twice('/v1/events', JSON.stringify(invalid), STRUCTURED)).toEqual([400, 401, replayed]);
    expect(await twice('/v1/events', JSON.stringify(newEvent()), 'text/plain')).toEqual([415, 401, replayed]);
    expect(await twice('/v1/events:batch', '[', BATCH)).toEqual([400, 401, replayed]);
    const mixed = [newEvent(), invalid];
    expect(await twice('/v1/events:batch', JSON.stringify(mixed), BATCH)).toEqual([207, 401, replayed]);
    // The batch's valid event went to Kafka once.
    expect(await onKafkaCount(mixed[0]!.id)).toBe(1);
  });

  it('answers 413 for a body over the limit and a batch of more than 500 events', async () => {
    const big = newEvent({ bulk: 'x'.repeat(9_000) });
    const response = await publish(keys.SPJ, big);
    expect(response.status).toBe(413);
    expect((await problemOf(response)).type).toBe('urn:hub:problem:payload-too-large');
    const many = await publishBatch(
      keys.SPJ,
      Array.from({ length: 501 }, () => ({})),
    );
    expect(many.status).toBe(413);
    expect(rules(await problemOf(many))).toEqual(['body:arrayMaxSize']);
    // In a batch, an event over the single event's limit is refused alone; the others are accepted.
    const small = newEvent();
    const mixed = await publishBatch(keys.SPJ, [small, big]);
    expect(mixed.status).toBe(207);
    const { results } = (await mixed.json()) as { results: BatchResult[] };
    expect(results.map((r) => r.status)).toEqual([202, 413]);
    expect(results[1]!.problem).toMatchObject({
      type: 'urn:hub:problem:payload-too-large',
      errors: [{ field: '[1]', rule: 'maxBytes' }],
    });
    expect(await onKafka([small.id])).toHaveLength(1);
  });

  it('answers 415 for what is not a CloudEvent, a batch on the single route, and the reverse', async () => {
    const event = newEvent();
    const plain = await signedFetch(hub.url, '/v1/events', keys.SPJ, {
      body: JSON.stringify(event),
      headers: { 'content-type': 'text/plain' },
    });
    expect(plain.status).toBe(415);
    expect((await problemOf(plain)).type).toBe('urn:hub:problem:unsupported-media-type');
    expect((await publish(keys.SPJ, [event], { headers: { 'content-type': BATCH } })).status).toBe(415);
    expect((await publish(keys.SPJ, [event], { path: '/v1/events:batch' })).status).toBe(415);
    const gzip = await publish(keys.SPJ, event, { headers: { 'content-encoding': 'gzip' } });
    expect(gzip.status).toBe(415);
  });

  it("answers 429 with Retry-After over the department's rate", async () => {
    const statuses: number[] = [];
    let limited: Response | undefined;
    for (let i = 0; i < 5 && !limited; i++) {
      const response = await publish(
        keys.YJJ,
        newEvent({ source: '/departments/YJJ/systems/emergency', department: 'YJJ' }),
      );
      statuses.push(response.status);
      if (response.status === 429) limited = response;
    }
    expect(limited).toBeDefined();
    expect(Number(limited!.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect((await problemOf(limited!)).type).toBe('urn:hub:problem:rate-limited');
    // SPJ has its own bucket.
    expect((await publish(keys.SPJ, newEvent())).status).toBe(202);
  });

  it('answers a batch per event: accepted, invalid, forbidden, duplicate, repeated, conflicting', async () => {
    const known = newEvent();
    expect((await publish(keys.SPJ, known)).status).toBe(202);
    const a = newEvent();
    const b = newEvent();
    const invalid = newEvent({ time: 'soon' });
    const forbidden = newEvent({ department: 'SCJG' });
    const conflicting = { ...known, data: { ...(known.data as object), name: '改名' } };
    const response = await publishBatch(keys.SPJ, [
      a,
      invalid,
      b,
      known,
      forbidden,
      a,
      conflicting,
      { ...a, data: { ...(a.data as object), name: 'x' } },
    ]);
    expect(response.status).toBe(207);
    const answer = (await response.json()) as BatchAnswer;
    expect(answer.results.map((r) => [r.index, r.status, r.duplicate ?? null])).toEqual([
      [0, 202, false],
      [1, 400, null],
      [2, 202, false],
      [3, 202, true],
      [4, 403, null],
      [5, 202, true],
      [6, 409, null],
      [7, 409, null],
    ]);
    expect(answer.accepted).toBe(4);
    expect(answer.refused).toBe(4);
    expect(rules(answer.results[1].problem!)).toEqual(['time:isRfc3339']);
    expect(answer.results[1].problem!.type).toBe('urn:hub:problem:invalid-event');
    expect(answer.results[5].receipt).toEqual(answer.results[0].receipt);
    const messages = await onKafka([a.id, b.id]);
    expect(messages.map((m) => m.headers['ce_id']).sort()).toEqual([a.id, b.id].sort());
  });

  it('answers 202 for a batch whose events were all accepted, in order per key', async () => {
    const [enterprise] = demoEnterprises(1, nextEnterprise++);
    const events = Array.from({ length: 20 }, (_, i) =>
      enterpriseRegisteredEvent({ ...enterprise, name: `${enterprise.name}-${i}` }, randomUUID()),
    );
    const response = await publishBatch(keys.SPJ, events);
    expect(response.status).toBe(202);
    const answer = (await response.json()) as BatchAnswer;
    expect(answer.accepted).toBe(20);
    const messages = await onKafka(events.map((e) => e.id));
    expect(messages.map((m) => m.headers['ce_id'])).toEqual(events.map((e) => e.id));
  });

  it('shares CloudEvents identity with the Kafka ingress: an event it forwarded is a duplicate over HTTP', async () => {
    const event = newEvent();
    const producer = testKafka(iso.brokers, 'spj').producer();
    await producer.connect();
    await producer.send({
      topic: `${iso.topicPrefix}${ingressTopic('SPJ')}`,
      messages: [toKafkaMessage(event, 'binary')],
    });
    await producer.disconnect();
    const [forwarded] = await onKafka([event.id]);
    const response = await publish(keys.SPJ, event);
    expect(response.status).toBe(202);
    expect(response.headers.get('hub-duplicate')).toBe('true');
    expect(((await response.json()) as Receipt).hubId).toBe(forwarded.headers['ce_hubid']);
  });

  it('forgets receipts after GATEWAY_RECEIPT_RETENTION_HOURS: an event sent again after that is accepted as new', async () => {
    const [old, recent] = [newEvent(), newEvent()];
    const first = (await (await publish(keys.SPJ, old)).json()) as Receipt;
    expect((await publish(keys.SPJ, recent)).status).toBe(202);
    // Accepted 721 hours ago, as far as the receipts know; the receipts of the other tests are recent and stay.
    await hub.dataSource.query(
      `UPDATE gateway.intake_receipt SET accepted_at = now() - interval '721 hours' WHERE source = $1 AND event_id = $2`,
      [old.source, old.id],
    );

    expect(await hub.app.get(ReceiptRetention).prune()).toEqual({ rows: 1, batches: 1 });
    const again = await publish(keys.SPJ, old);
    expect(again.status).toBe(202);
    expect(again.headers.get('hub-duplicate')).toBeNull();
    expect(((await again.json()) as Receipt).hubId).not.toBe(first.hubId);
    expect((await publish(keys.SPJ, recent)).headers.get('hub-duplicate')).toBe('true');
    expect(await onKafkaCount(old.id)).toBe(2);
    const metrics = await (await fetch(`${hub.url}/metrics`)).text();
    expect(metrics).toMatch(/^hub_gateway_receipts_pruned_total\{app="gateway"\} 1$/m);
  });

  it('counts accepted events and refusals per department on /metrics', async () => {
    const metrics = await eventually(async () => {
      const text = await (await fetch(`${hub.url}/metrics`)).text();
      expect(text).toMatch(/hub_gateway_events_accepted_total\{[^}]*channel="http",department="SPJ"[^}]*\} [1-9]/);
      return text;
    });
    expect(metrics).toMatch(/hub_gateway_events_accepted_total\{[^}]*channel="kafka",department="SPJ"[^}]*\} [1-9]/);
    expect(metrics).toMatch(/hub_gateway_refusals_total\{[^}]*department="SCJG",problem="forbidden"[^}]*\} 1/);
    expect(metrics).toMatch(/hub_gateway_refusals_total\{[^}]*department="YJJ",problem="rate-limited"[^}]*\} [1-9]/);
    expect(metrics).toMatch(/hub_gateway_refusals_total\{[^}]*department="SPJ",problem="invalid-event"[^}]*\} [1-9]/);
    expect(metrics).toMatch(
      /hub_gateway_refusals_total\{[^}]*department="unknown",problem="payload-too-large"[^}]*\} 1/,
    );
  });

  /** How many copies of the event are on the topic, once a later event with the same key got there. */
  async function onKafkaCount(id: string): Promise<number> {
    const marker = newEvent();
    expect((await publish(keys.SPJ, marker)).status).toBe(202);
    await onKafka([marker.id]);
    const all = await readTopic(iso.brokers, topic(), () => false, 3_000);
    return all.filter((m) => m.headers['ce_id'] === id).length;
  }
});
