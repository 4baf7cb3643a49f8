import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  candidateDigest,
  commitmentOf,
  DrawHash,
  DrawInputs,
  fromHex,
  nobleDrawHash,
  nodeDrawHash,
  runDraw,
  verifyDrawRecord,
} from './index';

/** The spec's test vector (shared/spec/DRAW-PROTOCOL.md), written out by hand as the published record. */
const VECTOR_FILE = join(__dirname, '..', 'test-vectors', 'ssgk-draw-1-vector.json');
const vector = JSON.parse(readFileSync(VECTOR_FILE, 'utf8')) as DrawInputs & {
  secretHex: string;
  entropy: string;
  commitment: string;
  seedHex: string;
  candidateDigest: string;
  targets: unknown;
};

describe.each<[string, DrawHash]>([
  ['node:crypto', nodeDrawHash],
  ['@noble/hashes', nobleDrawHash],
])('SSGK-DRAW-1 test vector on %s', (name, hash) => {
  const secret = fromHex(vector.secretHex);

  it('gives the commitment and the candidate digest', () => {
    expect(commitmentOf(secret, hash)).toBe(vector.commitment);
    expect(candidateDigest(vector.strata, hash)).toBe(vector.candidateDigest);
  });

  it('draws the seed, the targets and the teams', () => {
    const outcome = runDraw(vector, secret, vector.entropy, hash);
    expect(outcome.seedHex).toBe(vector.seedHex);
    expect(outcome.targets).toEqual(vector.targets);
  });

  it('verifies the hand-written record, saying which hash ran', () => {
    const verification = verifyDrawRecord(vector, hash);
    expect(verification.checks.map((c) => [c.name, c.ok])).toEqual([
      ['record', true],
      ['commitment', true],
      ['candidateDigest', true],
      ['seedHex', true],
      ['targets', true],
      ['teams', true],
    ]);
    expect(verification).toMatchObject({ ok: true, hash: name });
    expect(verification.firstFailure).toBeUndefined();
  });
});
