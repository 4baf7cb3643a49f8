import { randomUUID } from 'node:crypto';
import { EnterpriseRegisteredV1, LicenceGrantedV1, exampleEvent, toKafkaMessage } from '@hub/contracts';
import { newEdgeKeys } from '@hub/infra';
import { LedgerExport, LedgerVerification, signCheckpoint, verifyLedger } from '@hub/ledger';
import { RunningHubApp, startHubApp } from '@hub/platform';
import { IsolatedEnv, assertedCall, eventually, freePort, isolatedEnv, readTopic, testKafka } from '@hub/testing';
import { consoleApp } from '../console.app';
import type { Overview } from '../operations/operations.service';
import { LedgerStatus } from './event-ledger.service';

/** The console's event ledger on the real broker and database: appended, checkpointed, tampered with, found out. */
describe('console event ledger', () => {
  let iso: IsolatedEnv;
  let hub: RunningHubApp;
  const ledgerKeys = newEdgeKeys();
  const asOperator = <T>(target: string) =>
    assertedCall<T>(hub.url, iso.edgeKeys.privateKey, { audience: 'console', department: 'XXHZX' }, 'GET', target);
  const sql = (text: string, params: unknown[] = []) => hub.dataSource.query(text, params) as Promise<unknown[]>;

  async function publish(count: number): Promise<void> {
    const producer = testKafka(iso.brokers).producer();
    await producer.connect();
    const events = Array.from({ length: count }, (_, i) => {
      const definition = i % 2 === 0 ? EnterpriseRegisteredV1 : LicenceGrantedV1;
      const event = { ...exampleEvent(definition), id: randomUUID() };
      return {
        topic: `${iso.topicPrefix}${definition.topic}`,
        message: toKafkaMessage(event, i % 3 === 0 ? 'structured' : 'binary'),
      };
    });
    for (const { topic, message } of events) await producer.send({ topic, messages: [message] });
    await producer.disconnect();
  }

  async function verification(): Promise<LedgerVerification> {
    return (await asOperator<LedgerVerification>('/v1/ledger/verification')).body;
  }

  beforeAll(async () => {
    const port = await freePort();
    iso = await isolatedEnv({
      PORT: String(port),
      // Itself, and a gateway that is not there.
      OPERATIONS_TARGETS: `console=http://127.0.0.1:${port},gateway=http://127.0.0.1:1`,
      LEDGER_SIGNING_KEY: ledgerKeys.privateKey,
      LEDGER_PUBLIC_KEY: ledgerKeys.publicKey,
      LEDGER_CHECKPOINT_SECONDS: '1',
      LEDGER_CHECKPOINT_ENTRIES: '20',
    });
    hub = await startHubApp(consoleApp, iso.env);
  });

  afterAll(async () => {
    await hub?.close();
    await iso?.dispose();
  });

  it('appends every accepted event in its partition order, checkpoints the head and publishes the checkpoint', async () => {
    await publish(30);
    const status = await eventually(async () => {
      const { body } = await asOperator<LedgerStatus>('/v1/ledger');
      expect(body).toMatchObject({ size: 30, lastCheckpoint: { size: 30 }, behind: 0 });
      return body;
    });
    expect(status.tooFarBehind).toBe(false);
    const rows = (await sql(
      `SELECT topic, kafka_partition, kafka_offset::int AS o, event_id FROM console.ledger_entries ORDER BY seq`,
    )) as { topic: string; kafka_partition: number; o: number; event_id: string | null }[];
    expect(rows.every((r) => r.event_id !== null)).toBe(true);
    const byPartition = new Map<string, number[]>();
    for (const r of rows)
      byPartition.set(`${r.topic}/${r.kafka_partition}`, [
        ...(byPartition.get(`${r.topic}/${r.kafka_partition}`) ?? []),
        r.o,
      ]);
    for (const offsets of byPartition.values()) expect(offsets).toEqual([...offsets].sort((a, b) => a - b));
    const published = await readTopic(iso.brokers, `${iso.topicPrefix}zone.console.ledger.v1`, (m) => m.length > 0);
    expect(published[0]).toBeDefined();
    expect(await verification()).toMatchObject({ ok: true, entriesChecked: 30, verifiedUpTo: 30, problems: [] });
  });

  it('exports a range that verifies offline against the checkpoints alone', async () => {
    const { body } = await asOperator<LedgerExport>('/v1/ledger/export?from=5&to=10');
    expect(body.entries[0].seq).toBe((body.anchor?.size ?? 0) + 1);
    const result = verifyLedger({ ...body, anchor: body.anchor ?? undefined, publicKey: ledgerKeys.publicKey });
    expect(result).toMatchObject({ ok: true, unpinned: 0 });
    expect(result.to).toBeGreaterThanOrEqual(10);
  });

  it('names a changed row, a deleted row and a checkpoint signed with another key', async () => {
    const [saved] = (await sql(`SELECT * FROM console.ledger_entries WHERE seq = 7`)) as Record<string, unknown>[];
    await sql(`UPDATE console.ledger_entries SET event_id = 'forged' WHERE seq = 7`);
    expect((await verification()).problems[0]).toMatchObject({ kind: 'entry-changed', seq: 7 });
    await sql(`UPDATE console.ledger_entries SET event_id = $1 WHERE seq = 7`, [saved.event_id]);
    expect((await verification()).ok).toBe(true);

    await sql(`DELETE FROM console.ledger_entries WHERE seq = 12`);
    expect((await verification()).problems[0]).toMatchObject({
      kind: 'entry-missing',
      seq: 12,
      message: 'entry 12 is missing',
    });

    const [last] = (await sql(
      `SELECT size, encode(root_hash, 'hex') AS root, encode(chain_head, 'hex') AS head, frontier FROM console.ledger_checkpoints ORDER BY size DESC LIMIT 1`,
    )) as { size: string; root: string; head: string; frontier: string }[];
    const forged = signCheckpoint(
      {
        size: Number(last.size),
        rootHash: last.root,
        chainHead: last.head,
        issuedAt: new Date().toISOString(),
        frontier: last.frontier.split(','),
      },
      newEdgeKeys().privateKey,
    );
    await sql(`UPDATE console.ledger_checkpoints SET key_id = $1, signature = $2, issued_at = $3 WHERE size = $4`, [
      forged.keyId,
      forged.signature,
      forged.issuedAt,
      last.size,
    ]);
    const found = await verification();
    expect(found.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'checkpoint-signature', checkpointSize: Number(last.size) }),
        expect.objectContaining({ kind: 'entry-missing', seq: 12 }),
      ]),
    );
  });

  it("shows each replica's readiness and every group's lag from the broker, growing and falling", async () => {
    const group = `${iso.topicPrefix}lag-check`;
    const topic = `${iso.topicPrefix}${EnterpriseRegisteredV1.topic}`;
    const admin = testKafka(iso.brokers).admin();
    await admin.connect();
    const ends = await admin.fetchTopicOffsets(topic);
    // A group that stopped at the start of every partition: behind by all they hold.
    await admin.setOffsets({
      groupId: group,
      topic,
      partitions: ends.map((e) => ({ partition: e.partition, offset: '0' })),
    });
    const total = ends.reduce((sum, e) => sum + Number(e.high), 0);
    const overview = async () => (await asOperator<Overview>('/v1/operations/overview')).body;
    const behind = await overview();
    expect(behind.replicas).toEqual([
      expect.objectContaining({ app: 'console', ready: true, checks: expect.objectContaining({ database: true }) }),
      expect.objectContaining({ app: 'gateway', ready: false, error: expect.any(String) }),
    ]);
    expect(behind.groups.find((g) => g.group === group)?.lag).toBe(total);
    expect(behind.groups.find((g) => g.group === `${iso.topicPrefix}console.ledger`)?.lag).toBe(0);
    await admin.setOffsets({
      groupId: group,
      topic,
      partitions: ends.map((e) => ({ partition: e.partition, offset: e.high })),
    });
    expect((await overview()).groups.find((g) => g.group === group)?.lag).toBe(0);
    await admin.disconnect();
  });
});
