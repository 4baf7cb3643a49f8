import { randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { consoleApp } from '../../apps/console/src/console.app';
import { EnterpriseRegisteredV1, exampleEvent, toKafkaMessage } from '@hub/contracts';
import { newEdgeKeys } from '@hub/infra';
import { signCheckpoint } from '@hub/ledger';
import { RunningHubApp, startHubApp } from '@hub/platform';
import { IsolatedEnv, assertedCall, eventually, isolatedEnv, testKafka } from '@hub/testing';
import { verifyLedgerCommand } from '../../tools/hub-verify-ledger';

/** `hub verify-ledger` on the console's ledger in PostgreSQL and on an export: each tampering named. */
describe('hub verify-ledger', () => {
  let iso: IsolatedEnv;
  let hub: RunningHubApp;
  const keys = newEdgeKeys();
  const dir = mkdtempSync(join(tmpdir(), 'hub-ledger-'));
  const keyFile = join(dir, 'ledger.pub.pem');
  writeFileSync(keyFile, keys.publicKey);
  const sql = (text: string, params: unknown[] = []) => hub.dataSource.query(text, params) as Promise<unknown[]>;

  async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
    let out = '';
    let err = '';
    const code = await verifyLedgerCommand(
      ['--public-key', keyFile, ...args],
      {},
      { out: (t) => (out += t), err: (t) => (err += t) },
    );
    return { code, out, err };
  }
  const fromDatabase = (...args: string[]) => cli('--database-url', iso.databaseUrl, ...args);

  beforeAll(async () => {
    iso = await isolatedEnv({
      LEDGER_SIGNING_KEY: keys.privateKey,
      LEDGER_PUBLIC_KEY: keys.publicKey,
      LEDGER_CHECKPOINT_SECONDS: '1',
      LEDGER_CHECKPOINT_ENTRIES: '10',
    });
    hub = await startHubApp(consoleApp, iso.env);
    // Three bursts, each checkpointed before the next: checkpoints at entries 10, 20 and 25.
    const producer = testKafka(iso.brokers).producer();
    await producer.connect();
    for (const [count, size] of [
      [10, 10],
      [10, 20],
      [5, 25],
    ]) {
      for (let i = 0; i < count; i++) {
        const event = { ...exampleEvent(EnterpriseRegisteredV1), id: randomUUID() };
        await producer.send({
          topic: `${iso.topicPrefix}${EnterpriseRegisteredV1.topic}`,
          messages: [toKafkaMessage(event, 'binary')],
        });
      }
      await eventually(async () => {
        const [head] = (await sql(`SELECT max(size) AS pinned FROM console.ledger_checkpoints`)) as {
          pinned: string;
        }[];
        expect(Number(head.pinned)).toBe(size);
      });
    }
    await producer.disconnect();
  });

  afterAll(async () => {
    await hub?.close();
    await iso?.dispose();
  });

  it('passes the untouched ledger, all of it and a range', async () => {
    const all = await fromDatabase();
    expect(all).toMatchObject({
      code: 0,
      out: expect.stringContaining('OK: pinned by signed checkpoints up to entry 25'),
    });
    // Widened to the checkpoints around it (the time trigger may have signed one mid-burst too).
    const sizes = ((await sql(`SELECT size FROM console.ledger_checkpoints ORDER BY size`)) as { size: string }[]).map(
      (r) => Number(r.size),
    );
    const from = Math.max(0, ...sizes.filter((s) => s < 12)) + 1;
    const to = Math.min(...sizes.filter((s) => s >= 14));
    expect((await fromDatabase('--from', '12', '--to', '14')).out).toMatch(
      new RegExp(`^entries ${from}\\.\\.${to}: ${to - from + 1} checked`),
    );
  });

  it('verifies an export offline, and names an entry changed in it', async () => {
    const exported = await assertedCall<Record<string, unknown> & { entries: { seq: number; offset: string }[] }>(
      hub.url,
      iso.edgeKeys.privateKey,
      { audience: 'console', department: 'XXHZX' },
      'GET',
      '/v1/ledger/export?from=3&to=8',
    );
    const file = join(dir, 'export.json');
    writeFileSync(file, JSON.stringify(exported.body));
    expect(await cli('--file', file)).toMatchObject({ code: 0 });
    exported.body.entries[4].offset = '999';
    writeFileSync(file, JSON.stringify(exported.body));
    const found = await cli('--file', file);
    expect(found.code).toBe(1);
    expect(found.out).toContain(`FAILED: entry ${exported.body.entries[4].seq} `);
    writeFileSync(file, '{"format":"hub-ledger-export/v1","entries":{}}');
    expect(await cli('--file', file)).toMatchObject({
      code: 2,
      err: expect.stringContaining('entries: must be an array'),
    });
  });

  it('names a row changed in PostgreSQL, a row deleted, and a checkpoint signed with another key', async () => {
    await sql(`UPDATE console.ledger_entries SET kafka_offset = kafka_offset + 100 WHERE seq = 6`);
    const changed = await fromDatabase();
    expect(changed.code).toBe(1);
    expect(changed.out).toMatch(/FAILED: entry 6 \(.*\): its contents do not match its hash/);
    await sql(`UPDATE console.ledger_entries SET kafka_offset = kafka_offset - 100 WHERE seq = 6`);

    const [row] = (await sql(`SELECT * FROM console.ledger_entries WHERE seq = 17`)) as Record<string, unknown>[];
    await sql(`DELETE FROM console.ledger_entries WHERE seq = 17`);
    expect((await fromDatabase()).out).toContain('FAILED: entry 17 is missing');
    const columns = Object.keys(row);
    await sql(
      `INSERT INTO console.ledger_entries (${columns.join(', ')}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')})`,
      columns.map((c) => row[c]),
    );
    expect((await fromDatabase()).code).toBe(0);

    const [last] = (await sql(
      `SELECT size, encode(root_hash, 'hex') AS root, encode(chain_head, 'hex') AS head, frontier
         FROM console.ledger_checkpoints WHERE size = 20`,
    )) as { size: string; root: string; head: string; frontier: string }[];
    const forged = signCheckpoint(
      {
        size: 20,
        rootHash: last.root,
        chainHead: last.head,
        issuedAt: new Date().toISOString(),
        frontier: last.frontier.split(','),
      },
      newEdgeKeys().privateKey,
    );
    await sql(`UPDATE console.ledger_checkpoints SET key_id = $1, signature = $2 WHERE size = 20`, [
      forged.keyId,
      forged.signature,
    ]);
    const signed = await fromDatabase();
    expect(signed.code).toBe(1);
    expect(signed.out).toContain(`FAILED: checkpoint at entry 20: signed with another key (${forged.keyId})`);
  });
});
