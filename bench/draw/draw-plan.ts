import { demoUscc } from '@hub/demo';
import type { DrawInputs, DrawStratum } from '@hub/draw';

/** One candidate row as the directory holds it: the enterprise and its credit-risk class. */
export interface CandidateRow {
  uscc: string;
  stratum: string;
}

export interface PlanShape {
  candidates: number;
  /** department code → inspectors, with how many go to each target. */
  departments: { code: string; inspectors: number; inspectorsPerTarget: number }[];
  /** Distinct recusal sets per department: the candidates share that many eligible lists. */
  exclusionSets: number;
  recusalsPerSet: number;
  maxTargetsPerInspector: number;
}

/** The defaults of practice, at the top of each class's range: A ≤ 5 %, B 5–20 %, C 21–60 %, D 61–100 %. */
export const STRATA = [
  { name: 'A', ratioBp: 500, share: 0.5 },
  { name: 'B', ratioBp: 2000, share: 0.3 },
  { name: 'C', ratioBp: 6000, share: 0.15 },
  { name: 'D', ratioBp: 10000, share: 0.05 },
];

/** Deterministic, so that every run draws the same plan. */
function random(seed: number): () => number {
  let t = seed >>> 0;
  return () => {
    t = (t + 0x6d2b79f5) >>> 0;
    let x = Math.imul(t ^ (t >>> 15), t | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

/** The zone's enterprises, each in a class by the strata's shares (most are A and B, as in practice). */
export function candidateRows(count: number): CandidateRow[] {
  const next = random(2026);
  const rows = new Array<CandidateRow>(count);
  for (let n = 0; n < count; n++) {
    const r = next();
    let s = 0;
    for (let acc = STRATA[0]!.share; r >= acc && s < STRATA.length - 1; acc += STRATA[++s]!.share);
    rows[n] = { uscc: demoUscc(n), stratum: STRATA[s]!.name };
  }
  return rows;
}

/**
 * The lock: the candidate rows become the plan's strata and each target's eligible inspectors. An eligible list is
 * the department's inspectors minus a few recusals; lists are shared per (department, recusal set), as the
 * inspection app's lock can share them, since 1 000 000 × 5 000 ids would not fit in memory.
 */
export function lockInputs(planId: string, rows: readonly CandidateRow[], shape: PlanShape): DrawInputs {
  const byName = new Map<string, DrawStratum>(
    STRATA.map(({ name, ratioBp }) => [name, { name, ratioBp, candidates: [] as string[] }]),
  );
  for (const row of rows) byName.get(row.stratum)!.candidates.push(row.uscc);
  const next = random(17);
  const variants = Array.from({ length: shape.exclusionSets }, () =>
    Object.fromEntries(
      shape.departments.map(({ code, inspectors }) => {
        const recused = new Set(Array.from({ length: shape.recusalsPerSet }, () => Math.floor(next() * inspectors)));
        const ids: string[] = [];
        for (let i = 0; i < inspectors; i++) if (!recused.has(i)) ids.push(inspectorId(code, i));
        return [code, ids];
      }),
    ),
  );
  const eligible: DrawInputs['eligible'] = {};
  rows.forEach((row, n) => (eligible[row.uscc] = variants[n % variants.length]!));
  return {
    planId,
    strata: [...byName.values()],
    departments: shape.departments.map(({ code, inspectorsPerTarget }) => ({ code, inspectorsPerTarget })),
    maxTargetsPerInspector: shape.maxTargetsPerInspector,
    eligible,
  };
}

export function inspectorId(code: string, n: number): string {
  return `${code}-${String(n).padStart(5, '0')}`;
}
