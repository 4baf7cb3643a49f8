import { randomBytes } from 'node:crypto';
import { candidateDigestWith, commitmentWith, runDrawWith, SECRET_BYTES } from './draw-run';
import { verifyDrawRecordWith } from './draw-verify';
import type { DrawHash } from './draw-hash';
import type { DrawInputs, DrawOutcome, DrawStratum, DrawVerification } from './draw-types';
import { nodeDrawHash } from './node-hash';

/** The hub's side of SSGK-DRAW-1 on node:crypto; each takes another DrawHash for tests (@noble/hashes). */
export function newDrawSecret(): Uint8Array {
  return new Uint8Array(randomBytes(SECRET_BYTES));
}

export function commitmentOf(secret: Uint8Array, hash: DrawHash = nodeDrawHash): string {
  return commitmentWith(secret, hash);
}

export function candidateDigest(strata: readonly DrawStratum[], hash: DrawHash = nodeDrawHash): string {
  return candidateDigestWith(strata, hash);
}

export function runDraw(
  inputs: DrawInputs,
  secret: Uint8Array,
  entropy: string,
  hash: DrawHash = nodeDrawHash,
): DrawOutcome {
  return runDrawWith(inputs, secret, entropy, hash);
}

export function verifyDrawRecord(record: unknown, hash: DrawHash = nodeDrawHash): DrawVerification {
  return verifyDrawRecordWith(record, hash);
}
