import { drawFromSeed, digestMessage, seedMessage, sortedCandidates } from './draw-computation';
import type { DrawHash, HashComputation } from './draw-hash';
import { runWith } from './draw-hash';
import { checkInputs, checkStrata, DrawInputError, text } from './draw-inputs';
import type { DrawInputs, DrawOutcome, DrawStratum } from './draw-types';
import { toHex } from './utf8';

export const SECRET_BYTES = 32;

export function commitmentWith(secret: Uint8Array, hash: DrawHash): string {
  return toHex(hash.sha256(secret));
}

export function candidateDigestWith(strata: readonly DrawStratum[], hash: DrawHash): string {
  checkStrata(strata);
  return toHex(
    hash.sha256(
      digestMessage(
        strata.map((s) => s.name),
        sortedCandidates({ strata }),
      ),
    ),
  );
}

/** Spec steps 1–6 as one computation, for any hash implementation. */
export function* drawComputation(
  inputs: DrawInputs,
  secret: Uint8Array,
  entropy: string,
): HashComputation<DrawOutcome> {
  const seed = yield { op: 'sha256', data: seedMessage(inputs.planId, secret, entropy) };
  return yield* drawFromSeed(inputs, sortedCandidates(inputs), seed);
}

export function runDrawWith(inputs: DrawInputs, secret: Uint8Array, entropy: string, hash: DrawHash): DrawOutcome {
  checkInputs(inputs);
  if (secret.length !== SECRET_BYTES) throw new DrawInputError('secret', `must be ${SECRET_BYTES} bytes`);
  text(entropy, 'entropy');
  return runWith(drawComputation(inputs, secret, entropy), hash);
}
