/**
 * bench/draw: an SSGK-DRAW-1 plan of 1 000 000 candidates in four strata (A–D at the default ratios) and 5 000
 * inspectors of two departments — lock (the plan's inputs from the candidate rows, candidate digest, commitment) and
 * draw, time and memory, against reading the same candidate rows (uscc, stratum) from PostgreSQL in the same run
 * (target: lock + draw within 3× the read); then the browser verifier on a 100 000-candidate record in Chromium.
 */
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import {
  candidateDigest,
  commitmentOf,
  drawRecordOf,
  newDrawSecret,
  runDraw,
  toHex,
  verifyDrawRecord,
} from '@hub/draw';
import type { DrawRecord } from '@hub/draw';
import { databaseUrl, dropDatabase, ensureDatabase, ensurePostgres } from '@hub/infra';
import { machine, round, rssSampler, writeBenchSection, writeResult } from '../bench-kit';
import { timeBrowserVerify, type BrowserRun } from './draw-browser';
import { candidateRows, lockInputs, STRATA, type CandidateRow, type PlanShape } from './draw-plan';
import { drawSection, type DrawBenchResult } from './draw-readme';

const INSERT_BATCH = 20_000;

/** A joint plan: SCJG leads with two inspectors a target, YJGL sends one; each list is the department minus recusals. */
export const MILLION_PLAN: PlanShape = {
  departments: [
    { code: 'SCJG', inspectors: 3000, inspectorsPerTarget: 2 },
    { code: 'YJGL', inspectors: 2000, inspectorsPerTarget: 1 },
  ],
  exclusionSets: 200,
  recusalsPerSet: 3,
  maxTargetsPerInspector: 200,
};

/**
 * The published record is JSON with each candidate's own lists, so the browser's record has the lists of the
 * inspectors who cover each target (its grid's), not whole departments: 5 000 inspectors still, 12 and 8 a target.
 */
export const BROWSER_PLAN: PlanShape = {
  departments: [
    { code: 'SCJG', inspectors: 3000, inspectorsPerTarget: 2, poolSize: 12 },
    { code: 'YJGL', inspectors: 2000, inspectorsPerTarget: 1, poolSize: 8 },
  ],
  exclusionSets: 2000,
  recusalsPerSet: 2,
  maxTargetsPerInspector: 200,
};

type Timed = DrawBenchResult['draw'];

async function timed<T>(run: () => T | Promise<T>): Promise<[T, Timed]> {
  const rss = rssSampler(20);
  const started = process.hrtime.bigint();
  const value = await run();
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  return [
    value,
    { ms: round(ms, 0), peakRssMiB: rss.stop(), heapUsedMiB: Math.round(process.memoryUsage().heapUsed / 2 ** 20) },
  ];
}

async function writeCandidates(db: Client, rows: readonly CandidateRow[]): Promise<void> {
  await db.query('CREATE TABLE draw_candidate (uscc char(18) PRIMARY KEY, stratum text NOT NULL)');
  for (let i = 0; i < rows.length; i += INSERT_BATCH) {
    const part = rows.slice(i, i + INSERT_BATCH);
    await db.query('INSERT INTO draw_candidate SELECT * FROM unnest($1::text[], $2::text[])', [
      part.map((r) => r.uscc),
      part.map((r) => r.stratum),
    ]);
  }
  await db.query('VACUUM ANALYZE draw_candidate');
}

async function readCandidates(db: Client): Promise<CandidateRow[]> {
  return (await db.query<CandidateRow>('SELECT uscc, stratum FROM draw_candidate')).rows;
}

export async function runDrawBench(): Promise<DrawBenchResult> {
  const candidates = Number(process.env.BENCH_DRAW_CANDIDATES ?? 1_000_000);
  const browserCandidates = Number(process.env.BENCH_DRAW_BROWSER_CANDIDATES ?? 100_000);
  const rows = candidateRows(candidates);
  const postgres = await ensurePostgres();
  const name = `hub_bench_${randomBytes(3).toString('hex')}`;
  await ensureDatabase(postgres.adminUrl, name);
  const db = new Client({ connectionString: databaseUrl(postgres.adminUrl, name) });
  await db.connect();
  try {
    console.log(`bench/draw: writing ${candidates} candidate rows to PostgreSQL`);
    await writeCandidates(db, rows);
    // Two reads, the faster taken as the baseline (a warm cache, as the lock would read it).
    const [, firstRead] = await timed(() => readCandidates(db));
    const [read, secondRead] = await timed(() => readCandidates(db));
    const baseline = secondRead.ms <= firstRead.ms ? secondRead : firstRead;
    console.log(`  read ${read.length} rows: ${firstRead.ms} ms, then ${secondRead.ms} ms`);

    const entropy = 'bench-lottery-2026-12-04';
    const lockPhases: Record<string, number> = {};
    const [locked, lock] = await timed(() => {
      let last = process.hrtime.bigint();
      const lap = (phase: string) => {
        const now = process.hrtime.bigint();
        lockPhases[phase] = round(Number(now - last) / 1e6, 0);
        last = now;
      };
      const inputs = lockInputs('BENCH-DRAW-1M', read, MILLION_PLAN, lap);
      const secret = newDrawSecret();
      const sealed = { inputs, secret, commitment: commitmentOf(secret), digest: candidateDigest(inputs.strata) };
      lap('digest');
      return sealed;
    });
    console.log(`  lock: ${lock.ms} ms`);
    const [outcome, draw] = await timed(() => runDraw(locked.inputs, locked.secret, entropy));
    console.log(`  draw: ${draw.ms} ms, ${outcome.targets.length} targets`);
    const record: DrawRecord = {
      protocol: 'SSGK-DRAW-1',
      ...locked.inputs,
      commitment: locked.commitment,
      candidateDigest: locked.digest,
      entropy,
      secretHex: toHex(locked.secret),
      ...outcome,
    };
    const [verified, verify] = await timed(() => verifyDrawRecord(record));
    if (!verified.ok)
      throw new Error(`the bench's own record does not verify: ${JSON.stringify(verified.firstFailure)}`);
    const unstaffed = outcome.targets.filter((t) => Object.values(t.teams).some((team) => team === null)).length;

    const small = lockInputs('BENCH-DRAW-100K', candidateRows(browserCandidates), BROWSER_PLAN);
    const smallRecord = drawRecordOf(small, newDrawSecret(), entropy);
    const json = Buffer.from(JSON.stringify(smallRecord));
    const [, nodeVerify] = await timed(() => verifyDrawRecord(JSON.parse(json.toString()) as unknown));
    const browser: BrowserRun[] = await timeBrowserVerify(json);
    if (browser.some((run) => !run.ok))
      throw new Error(`the browser did not verify the record: ${JSON.stringify(browser)}`);

    const result: DrawBenchResult & Record<string, unknown> = {
      bench: 'draw',
      at: new Date().toISOString(),
      machine: machine(),
      plan: {
        candidates,
        strata: STRATA.map((s) => ({
          ...s,
          candidates: locked.inputs.strata.find((x) => x.name === s.name)!.candidates.length,
        })),
        departments: MILLION_PLAN.departments,
        eligibleListsShared: MILLION_PLAN.exclusionSets * MILLION_PLAN.departments.length,
        maxTargetsPerInspector: MILLION_PLAN.maxTargetsPerInspector,
        targets: outcome.targets.length,
        unstaffedTargets: unstaffed,
      },
      baselineRead: baseline,
      reads: [firstRead, secondRead],
      lock: { ...lock, phases: lockPhases },
      draw,
      lockPlusDrawOverRead: round((lock.ms + draw.ms) / baseline.ms, 2),
      nodeVerify: verify,
      browserRecord: {
        candidates: browserCandidates,
        targets: smallRecord.targets.length,
        jsonMiB: round(json.length / 2 ** 20, 1),
        nodeVerify,
        chromium: browser,
      },
    };
    console.log(`  written to ${writeResult('draw', result)}`);
    writeBenchSection('draw', drawSection(result));
    return result;
  } finally {
    await db.end();
    await dropDatabase(postgres.adminUrl, name);
    await postgres.stop();
  }
}
