import { randomUUID } from 'node:crypto';
import { CloudEvent, LicenceGrantedV1, LicenceGrantedV1Payload } from '@hub/contracts';
import { RunningHubApp, startHubApp } from '@hub/platform';
import { IsolatedEnv, ReadMessage, isolatedEnv, readTopic } from '@hub/testing';
import { SigningKey, signedFetch } from '../auth/signed-fetch';
import { gatewayApp } from '../gateway.app';
import { toGatewayEnv } from '../gateway.env';
import type { BatchResult } from './intake.controller';

const ADMIN: SigningKey = { accessKeyId: 'AKRELAYADMIN', secret: 'relay-admin-secret-0123456789abcdef' };
const STRUCTURED = 'application/cloudevents+json; charset=UTF-8';
const BATCH = 'application/cloudevents-batch+json; charset=UTF-8';
/** Below the local broker's 1 MiB, so that the gateway's own check decides; an event may be larger as JSON. */
const MAX_MESSAGE_BYTES = 524_288;
const USCC = '91130800MA0RELAY01';

/** Events too large together for one record batch, and one too large for any, through the real gateway and broker. */
describe('HTTP intake and the relay under the broker limit', () => {
  let iso: IsolatedEnv;
  let hub: RunningHubApp;
  let spj: SigningKey;
  const topic = (): string => `${iso.topicPrefix}${LicenceGrantedV1.topic}`;

  /**
   * A licence granted with as many 500-character commitments as make its JSON about `bytes` long. Chinese text (three
   * bytes a character in UTF-8) keeps a record over the broker's 1 MiB within the data limits (1 000 items an array).
   */
  function grantOf(bytes: number): CloudEvent<LicenceGrantedV1Payload> {
    const text = '承'.repeat(500);
    const count = Math.max(1, Math.floor(bytes / (Buffer.byteLength(text) + 30)));
    const id = randomUUID();
    return {
      specversion: '1.0',
      id,
      source: '/departments/SPJ/systems/approval',
      type: LicenceGrantedV1.type,
      subject: USCC,
      time: new Date().toISOString(),
      datacontenttype: 'application/json',
      data: {
        uscc: USCC,
        approvalId: `A-${id}`,
        matterCode: 'SPJ-SPXK-001',
        licenceNo: `L-${id}`,
        decidedAt: new Date().toISOString(),
        commitments: Array.from({ length: count }, (_, i) => ({ code: `C${i}`, text })),
      },
    };
  }

  const onKafka = (ids: string[], timeoutMs?: number): Promise<ReadMessage[]> =>
    readTopic(iso.brokers, topic(), (m) => ids.every((id) => m.some((x) => x.headers.ce_id === id)), timeoutMs).then(
      (m) => m.filter((x) => ids.includes(x.headers.ce_id)),
    );

  beforeAll(async () => {
    iso = await isolatedEnv();
    hub = await startHubApp(
      gatewayApp,
      toGatewayEnv(iso.env, {
        HUB_ADMIN_ACCESS_KEY_ID: ADMIN.accessKeyId,
        HUB_ADMIN_SECRET: ADMIN.secret,
        GATEWAY_MAX_EVENT_BYTES: String(600 * 1_024),
        KAFKA_MAX_MESSAGE_BYTES: String(MAX_MESSAGE_BYTES),
      }),
    );
    const response = await signedFetch(hub.url, '/v1/admin/systems', ADMIN, {
      body: JSON.stringify({ department: 'SPJ', name: 'approval' }),
    });
    expect(response.status).toBe(201);
    spj = ((await response.json()) as { credential: SigningKey }).credential;
  });

  afterAll(async () => {
    await hub?.close();
    await iso?.dispose();
  });

  it('relays 20 × 250 KiB events of one key from one batch, and the events sent after them', async () => {
    const large = Array.from({ length: 20 }, () => grantOf(250 * 1_024));
    expect(Buffer.byteLength(JSON.stringify(large[0]))).toBeGreaterThan(240 * 1_024);
    const batch = await signedFetch(hub.url, '/v1/events:batch', spj, {
      body: JSON.stringify(large),
      headers: { 'content-type': BATCH },
    });
    expect(batch.status).toBe(202);
    const small = Array.from({ length: 5 }, () => grantOf(2_000));
    for (const event of small) {
      const response = await signedFetch(hub.url, '/v1/events', spj, {
        body: JSON.stringify(event),
        headers: { 'content-type': STRUCTURED },
      });
      expect(response.status).toBe(202);
    }

    const ids = [...large, ...small].map((e) => e.id);
    const relayed = await onKafka(ids);
    // Once each, in the order accepted: one key, one partition.
    expect(relayed.map((m) => m.headers.ce_id)).toEqual(ids);
  });

  it('refuses with 413 an event whose record the broker could never take, alone or in a batch, storing nothing', async () => {
    const huge = grantOf(550 * 1_024);
    const single = await signedFetch(hub.url, '/v1/events', spj, {
      body: JSON.stringify(huge),
      headers: { 'content-type': STRUCTURED },
    });
    expect(single.status).toBe(413);
    expect(single.headers.get('content-type')).toMatch(/application\/problem\+json/);
    const problem = (await single.json()) as { type: string; errors: { field: string; rule: string }[] };
    expect(problem.type).toBe('urn:hub:problem:payload-too-large');
    expect(problem.errors).toEqual([expect.objectContaining({ field: 'data', rule: 'maxRecordBytes' })]);

    const beside = grantOf(1_000);
    const mixed = await signedFetch(hub.url, '/v1/events:batch', spj, {
      body: JSON.stringify([grantOf(550 * 1_024), beside]),
      headers: { 'content-type': BATCH },
    });
    expect(mixed.status).toBe(207);
    const { results } = (await mixed.json()) as { results: BatchResult[] };
    expect(results.map((r) => r.status)).toEqual([413, 202]);
    expect(results[0].problem?.errors).toEqual([expect.objectContaining({ field: 'data', rule: 'maxRecordBytes' })]);

    const relayed = await onKafka([beside.id]);
    expect(relayed).toHaveLength(1);
    const receipts = await hub.dataSource.query(
      `SELECT count(*)::int AS n FROM gateway.intake_receipt WHERE event_id = $1`,
      [huge.id],
    );
    expect(receipts[0].n).toBe(0);
  });
});
