import { digestMessage, drawFromSeed, seedMessage, sortedCandidates } from './draw-computation';
import type { AsyncDrawHash, DrawHash, HashComputation } from './draw-hash';
import { runWith, runWithAsync } from './draw-hash';
import { checkInputs, DrawInputError, isObject, key, text } from './draw-inputs';
import type { DrawCheck, DrawInputs, DrawnTarget, DrawVerification } from './draw-types';
import { DRAW_PROTOCOL } from './draw-types';
import { fromHex, toHex } from './utf8';

/** The checks in the order they run: the spec's field, and its name in Chinese for people. */
export const DRAW_CHECKS = {
  record: '记录格式',
  commitment: '承诺值',
  candidateDigest: '候选名单摘要',
  seedHex: '随机种子',
  targets: '抽取对象',
  teams: '检查组',
} as const;

export type DrawCheckName = keyof typeof DRAW_CHECKS;

const LOWER_HEX_64 = /^[0-9a-f]{64}$/;
const HEX_64 = /^[0-9a-fA-F]{64}$/;

type Published = DrawInputs & {
  commitment: string;
  candidateDigest: string;
  entropy: string;
  secretHex: string;
  seedHex: string;
  targets: DrawnTarget[];
};

function hex(value: unknown, field: string, pattern: RegExp, rule: string): void {
  if (typeof value !== 'string' || !pattern.test(value)) throw new DrawInputError(field, rule);
}

/** The published record's shape (spec "The published record"): the inputs, then what the draw gave. */
export function checkRecord(value: unknown): Published {
  const record = checkInputs(value) as unknown as Record<string, unknown>;
  if (record.protocol !== undefined && record.protocol !== DRAW_PROTOCOL) {
    throw new DrawInputError('protocol', `must be ${DRAW_PROTOCOL} (the only protocol this verifier knows)`);
  }
  hex(record.commitment, 'commitment', LOWER_HEX_64, 'must be 64 lowercase hex digits (SHA-256 of the secret)');
  hex(record.candidateDigest, 'candidateDigest', LOWER_HEX_64, 'must be 64 lowercase hex digits');
  hex(record.secretHex, 'secretHex', HEX_64, 'must be 64 hex digits (the 32-byte secret, revealed)');
  hex(record.seedHex, 'seedHex', LOWER_HEX_64, 'must be 64 lowercase hex digits');
  text(record.entropy, 'entropy');
  if (!Array.isArray(record.targets)) throw new DrawInputError('targets', 'must be an array');
  record.targets.forEach((raw: unknown, i) => {
    const field = `targets[${i}]`;
    if (!isObject(raw)) throw new DrawInputError(field, 'must be an object');
    text(raw.uscc, `${field}.uscc`);
    text(raw.stratum, `${field}.stratum`);
    if (!isObject(raw.teams)) throw new DrawInputError(`${field}.teams`, 'must be an object');
    for (const [code, team] of Object.entries(raw.teams)) {
      const where = `${field}.teams[${key(code)}]`;
      if (team === null) continue;
      if (!Array.isArray(team)) throw new DrawInputError(where, 'must be an array of inspector ids or null');
      team.forEach((id: unknown, m) => text(id, `${where}[${m}]`));
    }
  });
  return record as unknown as Published;
}

/** Verification (spec "The published record"), written once for every hash implementation. */
export function* verifyComputation(value: unknown): HashComputation<DrawCheck[]> {
  let record: Published;
  let sorted: string[][];
  try {
    record = checkRecord(value);
    sorted = sortedCandidates(record);
  } catch (error) {
    if (error instanceof DrawInputError) return [check('record', error.message)];
    throw error;
  }
  const checks = [check('record')];
  const commitment = toHex(yield { op: 'sha256', data: fromHex(record.secretHex) });
  checks.push(check('commitment', differs('commitment', record.commitment, commitment)));
  const names = record.strata.map((s) => s.name);
  const digest = toHex(yield { op: 'sha256', data: digestMessage(names, sorted) });
  checks.push(check('candidateDigest', differs('candidateDigest', record.candidateDigest, digest)));
  const secret = fromHex(record.secretHex);
  const seed = yield { op: 'sha256', data: seedMessage(record.planId, secret, record.entropy) };
  checks.push(check('seedHex', differs('seedHex', record.seedHex, toHex(seed))));
  const outcome = yield* drawFromSeed(record, sorted, seed);
  checks.push(check('targets', targetsDiffer(record.targets, outcome.targets)));
  checks.push(check('teams', teamsDiffer(record, outcome.targets)));
  return checks;
}

function check(name: DrawCheckName, failure?: string): DrawCheck {
  return failure === undefined
    ? { name, label: DRAW_CHECKS[name], ok: true }
    : { name, label: DRAW_CHECKS[name], ok: false, detail: failure };
}

function differs(field: string, published: string, recomputed: string): string | undefined {
  return published === recomputed ? undefined : `${field}: the record has ${published}, recomputed ${recomputed}`;
}

function targetsDiffer(published: readonly DrawnTarget[], recomputed: readonly DrawnTarget[]): string | undefined {
  const shorter = Math.min(published.length, recomputed.length);
  for (let i = 0; i < shorter; i++) {
    const a = published[i]!;
    const b = recomputed[i]!;
    if (a.uscc !== b.uscc) return differs(`targets[${i}].uscc`, a.uscc, b.uscc);
    if (a.stratum !== b.stratum) return differs(`targets[${i}].stratum`, a.stratum, b.stratum);
  }
  if (published.length !== recomputed.length) {
    return `targets: the record has ${published.length} targets, recomputed ${recomputed.length}`;
  }
  return undefined;
}

function teamsDiffer(record: Published, recomputed: readonly DrawnTarget[]): string | undefined {
  const shorter = Math.min(record.targets.length, recomputed.length);
  const codes = record.departments.map((d) => d.code);
  for (let i = 0; i < shorter; i++) {
    const published = record.targets[i]!.teams;
    const extra = Object.keys(published).find((code) => !codes.includes(code));
    if (extra !== undefined) return `targets[${i}].teams: names ${key(extra)}, not a department of the plan`;
    for (const code of codes) {
      const field = `targets[${i}].teams[${key(code)}]`;
      const a = published[code];
      const b = recomputed[i]!.teams[code]!;
      const shown = a === undefined ? 'no team' : JSON.stringify(a);
      if (a === undefined || (a === null) !== (b === null))
        return `${field}: the record has ${shown}, recomputed ${JSON.stringify(b)}`;
      if (a !== null && (a.length !== b!.length || a.some((id, m) => id !== b![m]))) {
        return `${field}: the record has ${shown}, recomputed ${JSON.stringify(b)}`;
      }
    }
  }
  return undefined;
}

function verdict(checks: DrawCheck[], hash: string): DrawVerification {
  const firstFailure = checks.find((c) => !c.ok);
  return firstFailure ? { ok: false, checks, firstFailure, hash } : { ok: true, checks, hash };
}

export function verifyDrawRecordWith(record: unknown, hash: DrawHash): DrawVerification {
  return verdict(runWith(verifyComputation(record), hash), hash.name);
}

export async function verifyDrawRecordAsync(record: unknown, hash: AsyncDrawHash): Promise<DrawVerification> {
  return verdict(await runWithAsync(verifyComputation(record), hash), hash.name);
}
