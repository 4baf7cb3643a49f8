import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { loadEnv } from '@hub/config';
import {
  CloudEvent,
  LicencePushedV1,
  LicencePushedV1Payload,
  PushClaimRefusedV1,
  PushClaimRequestedV1,
  PushClaimRequestedV1Payload,
  PushClaimedV1,
  createEvent,
  toKafkaMessage,
} from '@hub/contracts';
import { demoUscc } from '@hub/demo';
import { RunningHubApp, startHubApp } from '@hub/platform';
import { IsolatedEnv, ReadMessage, eventually, isolatedEnv, readTopic, assertedCall, testKafka } from '@hub/testing';
import { Clock } from '@hub/workdays';
import { supervisionApp } from '../../apps/supervision/src/supervision.app';
import { SupervisionEnv } from '../../apps/supervision/src/supervision.env';

const HOLD_MS = 60_000;

/**
 * Claims that come before their push, in-process on the real broker and database: pushes and claim requests are
 * put on the topics as the approval app and the gateway put them there.
 */
describe('claims held for their push', () => {
  let iso: IsolatedEnv;
  let hub: RunningHubApp;
  let serial = 0;
  const nextApproval = () => ({
    approvalId: `SP-HOLD-${randomUUID().slice(0, 8)}`,
    uscc: demoUscc(700_000 + serial++),
  });
  const pushTopic = () => `${iso.topicPrefix}${PushClaimedV1.topic}`;

  async function sql<T>(text: string, values: unknown[] = []): Promise<T[]> {
    const client = new Client({ connectionString: iso.databaseUrl });
    await client.connect();
    try {
      return (await client.query(text, values)).rows as T[];
    } finally {
      await client.end();
    }
  }
  const row = async (approvalId: string, department: string) =>
    (
      await sql<{ state: string; push_id: string | null; claimed_at: Date | null; pushed_at: Date | null }>(
        `SELECT state, push_id, claimed_at, pushed_at FROM supervision.push WHERE approval_id = $1 AND department = $2`,
        [approvalId, department],
      )
    )[0];

  async function send(topic: string, events: CloudEvent[]): Promise<void> {
    const producer = testKafka(iso.brokers).producer();
    await producer.connect();
    try {
      await producer.send({
        topic: `${iso.topicPrefix}${topic}`,
        messages: events.map((e) => toKafkaMessage(e, 'binary')),
      });
    } finally {
      await producer.disconnect();
    }
  }

  /** The approval app's push of an approval to a department, pushed at `pushedAt`. */
  function push(a: { approvalId: string; uscc: string }, department: string, pushedAt: Date): CloudEvent {
    const data: LicencePushedV1Payload = {
      ...(LicencePushedV1.example as LicencePushedV1Payload),
      ...a,
      department,
      pushId: `push-${a.approvalId}-${department}`,
      pushedAt: pushedAt.toISOString(),
    };
    delete (data as Partial<LicencePushedV1Payload>).commitments;
    return createEvent(LicencePushedV1, data, { source: '/apps/approval', id: randomUUID() });
  }

  /** A department system's claim request, as the gateway relays it to the canonical topic. */
  function claimRequest(a: { approvalId: string; uscc: string }, department: string, at: Date): CloudEvent {
    const data: PushClaimRequestedV1Payload = { ...a, actor: `${department}-case-system`, at: at.toISOString() };
    return createEvent(PushClaimRequestedV1, data, {
      source: `/departments/${department}/systems/case-handling`,
      department,
    });
  }

  /** The supervision app's answers about an approval on its topic, once `count` have come. */
  async function answers(
    approvalId: string,
    count: number,
  ): Promise<{ type: string; data: Record<string, unknown> }[]> {
    const mine = (m: ReadMessage[]) => m.filter((x) => x.value.includes(`"${approvalId}"`));
    const found = mine(await readTopic(iso.brokers, pushTopic(), (m) => mine(m).length >= count, 30_000));
    return found
      .filter((x) => x.headers['ce_type'] !== PushClaimRequestedV1.type)
      .map((x) => ({ type: x.headers['ce_type'], data: JSON.parse(x.value) as Record<string, unknown> }));
  }

  const claim = (department: string, body: unknown) =>
    assertedCall<{ state: string; pushId: string | null; heldUntil: string | null; claimedAt: string | null }>(
      hub.url,
      iso.edgeKeys.privateKey,
      { audience: 'supervision', department },
      'POST',
      '/v1/claims',
      body,
    );

  beforeAll(async () => {
    iso = await isolatedEnv();
    const env = loadEnv(SupervisionEnv, {
      KAFKA_BROKERS: iso.brokers.join(','),
      ...(iso.env.KAFKA_CREDENTIALS_FILE ? { KAFKA_CREDENTIALS_FILE: iso.env.KAFKA_CREDENTIALS_FILE } : {}),
      DATABASE_URL: iso.databaseUrl,
      PORT: '0',
      KAFKA_TOPIC_PREFIX: iso.topicPrefix,
      KAFKA_PARTITIONS: '2',
      LOG_LEVEL: 'warn',
      SCHEDULER_INTERVAL_MS: '200',
      HUB_EDGE_PUBLIC_KEY: iso.edgeKeys.publicKey,
      CLAIM_HOLD_MS: String(HOLD_MS),
    });
    hub = await startHubApp(supervisionApp, env);
    await eventually(() => expect(hub.server.isJoined).toBe(true));
  });

  afterAll(async () => {
    await hub?.close();
    await iso?.dispose();
  });

  it('holds a claim made over HTTP before the push, announcing nothing, and makes it when the push comes', async () => {
    const a = nextApproval();
    const held = await claim('SCJG', { ...a, actor: 'SCJG-0042' });
    expect(held.status).toBe(202);
    expect(held.body).toMatchObject({ state: 'held', pushId: null, claimedAt: null });
    expect(new Date(held.body.heldUntil!).getTime()).toBeGreaterThan(Date.now() + HOLD_MS - 10_000);
    expect((await claim('SCJG', { ...a, actor: 'SCJG-0042' })).status).toBe(202); // again: still held

    const ledger = await assertedCall<{ held: { approvalId: string }[]; claimedNotSupervised: unknown[] }>(
      hub.url,
      iso.edgeKeys.privateKey,
      { audience: 'supervision', department: 'SCJG' },
      'GET',
      '/v1/ledgers/SCJG',
    );
    expect(ledger.body.held.map((p) => p.approvalId)).toContain(a.approvalId);

    const pushedAt = new Date(); // after the claim
    await send(LicencePushedV1.topic, [push(a, 'SCJG', pushedAt)]);
    await eventually(async () => expect((await row(a.approvalId, 'SCJG'))?.state).toBe('claimed'));
    const r = await row(a.approvalId, 'SCJG');
    expect(r.push_id).toBe(`push-${a.approvalId}-SCJG`);
    expect(r.claimed_at!.getTime()).toBe(pushedAt.getTime()); // claimed before the push: dated from the push

    const [claimed, ...others] = await answers(a.approvalId, 1);
    expect(others).toEqual([]);
    expect(claimed).toMatchObject({
      type: PushClaimedV1.type,
      data: { pushId: `push-${a.approvalId}-SCJG`, actor: 'SCJG-0042', at: pushedAt.toISOString() },
    });
  });

  it('holds a claim request that comes before its push, and dates the claim from the push', async () => {
    const a = nextApproval();
    const pushedAt = new Date(Date.now() - 60_000);
    await send(PushClaimRequestedV1.topic, [claimRequest(a, 'SCJG', new Date(Date.now() - 3_600_000))]);
    await eventually(async () => expect((await row(a.approvalId, 'SCJG'))?.state).toBe('held'));
    await send(LicencePushedV1.topic, [push(a, 'SCJG', pushedAt)]);
    await eventually(async () => expect((await row(a.approvalId, 'SCJG'))?.state).toBe('claimed'));
    expect((await row(a.approvalId, 'SCJG')).claimed_at).toEqual(pushedAt);
    const found = await answers(a.approvalId, 2);
    expect(found).toEqual([
      expect.objectContaining({
        type: PushClaimedV1.type,
        data: expect.objectContaining({ at: pushedAt.toISOString() }),
      }),
    ]);
  });

  it('does not date a claim request on a push before the push', async () => {
    const a = nextApproval();
    const pushedAt = new Date(Date.now() - 60_000);
    await send(LicencePushedV1.topic, [push(a, 'SCJG', pushedAt)]);
    await eventually(async () => expect((await row(a.approvalId, 'SCJG'))?.state).toBe('pushed'));
    await send(PushClaimRequestedV1.topic, [claimRequest(a, 'SCJG', new Date('2020-01-01T00:00:00Z'))]);
    await eventually(async () => expect((await row(a.approvalId, 'SCJG'))?.state).toBe('claimed'));
    expect((await row(a.approvalId, 'SCJG')).claimed_at).toEqual(pushedAt);
  });

  it('refuses, with the reason, a held claim whose push does not come within the claim limit', async () => {
    const viaKafka = nextApproval();
    const viaHttp = nextApproval();
    await send(PushClaimRequestedV1.topic, [claimRequest(viaKafka, 'SCJG', new Date())]);
    expect((await claim('YJJ', { ...viaHttp, actor: 'YJJ-desk' })).status).toBe(202);
    await eventually(async () => expect((await row(viaKafka.approvalId, 'SCJG'))?.state).toBe('held'));

    const clock = hub.app.get(Clock);
    clock.setFixed(new Date(Date.now() + HOLD_MS + 1_000));
    try {
      await eventually(async () => {
        expect(await row(viaKafka.approvalId, 'SCJG')).toBeUndefined();
        expect(await row(viaHttp.approvalId, 'YJJ')).toBeUndefined();
      });
    } finally {
      clock.setFixed(undefined);
    }
    for (const [a, department] of [
      [viaKafka, 'SCJG'],
      [viaHttp, 'YJJ'],
    ] as const) {
      const found = await answers(a.approvalId, department === 'SCJG' ? 2 : 1);
      expect(found).toEqual([
        {
          type: PushClaimRefusedV1.type,
          data: expect.objectContaining({
            department,
            reason: `no push of approval ${a.approvalId} to ${department} arrived within the claim limit (60 s): claim it again once it is pushed`,
          }),
        },
      ]);
    }
    // A push that comes after the refusal is an unclaimed push like any other.
    await send(LicencePushedV1.topic, [push(viaHttp, 'YJJ', new Date())]);
    await eventually(async () => expect((await row(viaHttp.approvalId, 'YJJ'))?.state).toBe('pushed'));
  });

  it('lets the department that decides the approvals (SPJ) claim none', async () => {
    const a = nextApproval();
    const http = await assertedCall<{ status: number; detail: string }>(
      hub.url,
      iso.edgeKeys.privateKey,
      { audience: 'supervision', department: 'SPJ' },
      'POST',
      '/v1/claims',
      { ...a, actor: 'SPJ-desk' },
    );
    expect(http.status).toBe(403);
    expect(http.body.detail).toMatch(/SPJ decides approvals and supervises none/);

    await send(PushClaimRequestedV1.topic, [claimRequest(a, 'SPJ', new Date())]);
    const found = await answers(a.approvalId, 2);
    expect(found).toEqual([
      {
        type: PushClaimRefusedV1.type,
        data: expect.objectContaining({ department: 'SPJ', reason: expect.stringMatching(/审管分离/) }),
      },
    ]);
    expect(await row(a.approvalId, 'SPJ')).toBeUndefined();
  });
});
