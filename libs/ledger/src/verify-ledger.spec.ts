import { generateKeyPairSync } from 'node:crypto';
import { LedgerCheckpoint, signCheckpoint } from './checkpoint';
import { GENESIS_HASH, LedgerEntry, leafHash, sealEntry, sha256Hex } from './ledger-hashes';
import { MerkleFrontier } from './merkle-frontier';
import { verifyLedger } from './verify-ledger';

function keys(): { privateKey: string; publicKey: string } {
  return generateKeyPairSync('ed25519', {
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
}

const ledgerKey = keys();

/** A ledger of `n` entries with a checkpoint every `every`, built as the console builds it. */
function ledger(n: number, every: number, key = ledgerKey.privateKey) {
  const entries: LedgerEntry[] = [];
  const checkpoints: LedgerCheckpoint[] = [];
  const frontier = MerkleFrontier.empty();
  let prev = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq++) {
    const entry = sealEntry(
      {
        seq,
        topic: 'zone.approval.licence.v1',
        partition: seq % 3,
        offset: String(Math.floor(seq / 3)),
        eventId: `e-${seq}`,
        eventType: 'zone.approval.licence.granted.v1',
        valueSha256: sha256Hex(`event ${seq}`),
      },
      prev,
    );
    entries.push(entry);
    frontier.append(leafHash(entry));
    prev = entry.hash;
    if (seq % every === 0) {
      const head = {
        size: seq,
        rootHash: frontier.root().toString('hex'),
        chainHead: prev,
        issuedAt: new Date(0).toISOString(),
        frontier: frontier.toHex(),
      };
      checkpoints.push(signCheckpoint(head, key));
    }
  }
  return { entries, checkpoints };
}

describe('verifyLedger', () => {
  it('passes an untouched ledger and says how far the checkpoints pin it', () => {
    const { entries, checkpoints } = ledger(25, 10);
    const result = verifyLedger({ entries, checkpoints, publicKey: ledgerKey.publicKey, expectedSize: 25 });
    expect(result).toMatchObject({ ok: true, entriesChecked: 25, verifiedUpTo: 20, unpinned: 5, problems: [] });
  });

  it('names a changed entry', () => {
    const { entries, checkpoints } = ledger(25, 10);
    entries[11] = { ...entries[11], valueSha256: sha256Hex('something else') };
    const result = verifyLedger({ entries, checkpoints, publicKey: ledgerKey.publicKey });
    expect(result.ok).toBe(false);
    expect(result.problems[0]).toMatchObject({ kind: 'entry-changed', seq: 12 });
    expect(result.verifiedUpTo).toBe(10);
  });

  it('names a deleted entry, in the middle and at the end', () => {
    const { entries, checkpoints } = ledger(25, 10);
    const middle = entries.filter((e) => e.seq !== 7);
    expect(verifyLedger({ entries: middle, checkpoints, publicKey: ledgerKey.publicKey }).problems[0]).toMatchObject({
      kind: 'entry-missing',
      seq: 7,
      message: 'entry 7 is missing',
    });
    const end = entries.slice(0, 19);
    expect(verifyLedger({ entries: end, checkpoints, publicKey: ledgerKey.publicKey }).problems[0]).toMatchObject({
      kind: 'entry-missing',
      seq: 20,
    });
    const lastUnpinned = entries.slice(0, 24);
    const result = verifyLedger({
      entries: lastUnpinned,
      checkpoints,
      publicKey: ledgerKey.publicKey,
      expectedSize: 25,
    });
    expect(result.problems[0]).toMatchObject({ kind: 'entry-missing', seq: 25 });
  });

  it('finds a stretch rewritten consistently, hashes and all, by the checkpoint signed over it', () => {
    const { entries, checkpoints } = ledger(25, 10);
    let prev = entries[12].prevHash;
    const rewritten = entries.map((e) => {
      if (e.seq < 13) return e;
      const sealed = sealEntry({ ...e, eventId: e.seq === 13 ? 'forged' : e.eventId }, prev);
      prev = sealed.hash;
      return sealed;
    });
    const result = verifyLedger({ entries: rewritten, checkpoints, publicKey: ledgerKey.publicKey });
    expect(result.problems).toEqual([
      expect.objectContaining({
        kind: 'checkpoint-mismatch',
        checkpointSize: 20,
        message: expect.stringContaining('after 10'),
      }),
    ]);
  });

  it('names a checkpoint signed with another key', () => {
    const { entries, checkpoints } = ledger(25, 10);
    const forged = ledger(25, 10, keys().privateKey).checkpoints[1];
    const result = verifyLedger({
      entries,
      checkpoints: [checkpoints[0], forged],
      publicKey: ledgerKey.publicKey,
    });
    expect(result.problems[0]).toMatchObject({ kind: 'checkpoint-signature', checkpointSize: 20 });
    expect(result.problems[0].message).toContain('signed with another key');
  });

  it('names a checkpoint whose signed fields were altered', () => {
    const { entries, checkpoints } = ledger(20, 10);
    const altered = { ...checkpoints[1], issuedAt: new Date(1).toISOString() };
    const result = verifyLedger({ entries, checkpoints: [checkpoints[0], altered], publicKey: ledgerKey.publicKey });
    expect(result.problems[0]).toMatchObject({ kind: 'checkpoint-signature', checkpointSize: 20 });
    expect(result.problems[0].message).toContain('does not verify');
  });

  it('verifies a range from its anchor alone, and refuses an anchor whose frontier is not its root', () => {
    const { entries, checkpoints } = ledger(35, 10);
    const range = entries.slice(10, 30);
    const ok = verifyLedger({
      entries: range,
      checkpoints: checkpoints.slice(1, 3),
      anchor: checkpoints[0],
      publicKey: ledgerKey.publicKey,
    });
    expect(ok).toMatchObject({ ok: true, from: 11, to: 30, verifiedUpTo: 30 });
    const bad = { ...checkpoints[0], frontier: [sha256Hex('x'), sha256Hex('y')] };
    const refused = verifyLedger({ entries: range, checkpoints: [], anchor: bad, publicKey: ledgerKey.publicKey });
    expect(refused.problems[0]).toMatchObject({ kind: 'anchor-invalid', checkpointSize: 10 });
  });
});
