import type { BrowserRun } from './draw-browser';

interface Timed {
  ms: number;
  peakRssMiB: number;
  heapUsedMiB: number;
}

export interface DrawBenchResult {
  at: string;
  machine: Record<string, unknown>;
  plan: {
    candidates: number;
    strata: { name: string; ratioBp: number; candidates: number }[];
    departments: unknown;
    targets: number;
    unstaffedTargets: number;
    eligibleListsShared: number;
    maxTargetsPerInspector: number;
  };
  baselineRead: Timed;
  reads: Timed[];
  lock: Timed & { phases: Record<string, number> };
  draw: Timed;
  lockPlusDrawOverRead: number;
  nodeVerify: Timed;
  browserRecord: { candidates: number; targets: number; jsonMiB: number; nodeVerify: Timed; chromium: BrowserRun[] };
}

const n = (value: number) => value.toLocaleString('en-US').replace(/,/g, ' ');

/** The README's bench:draw section, from one run's result. */
export function drawSection(r: DrawBenchResult): string {
  const m = r.machine;
  const strata = r.plan.strata.map((s) => `${s.name} ${n(s.candidates)} at ${s.ratioBp / 100} %`).join(', ');
  const row = (what: string, t: Timed) => `| ${what} | ${n(t.ms)} | ${t.peakRssMiB} | ${t.heapUsedMiB} |`;
  const verdict = r.lockPlusDrawOverRead <= 3 ? 'met' : 'not met';
  const browser = r.browserRecord;
  return [
    `**bench/draw** — \`npm run bench -- draw\`, ${r.at.slice(0, 10)}, ${String(m.cpus)} cores (${String(m.cpuModel)}),`,
    `Node ${String(m.node)}, PostgreSQL on the same cores. An SSGK-DRAW-1 plan of ${n(r.plan.candidates)} candidates`,
    `(${strata}) and 5 000 inspectors (SCJG 3 000, two a target; YJGL 2 000, one a target; cap`,
    `${r.plan.maxTargetsPerInspector} targets an inspector; eligible lists of the department minus 3 recusals, shared as`,
    `${r.plan.eligibleListsShared} arrays): ${n(r.plan.targets)} targets drawn, ${r.plan.unstaffedTargets} unstaffed.`,
    `Lock: the plan's inputs built from the rows read, the candidate digest and the commitment. Baseline: reading the`,
    `same ${n(r.plan.candidates)} rows (uscc, stratum) from a scratch table with \`pg\` (the faster of two reads:`,
    `${r.reads.map((t) => n(t.ms)).join(' and ')} ms). Peak RSS is the process's, sampled during the phase.`,
    '',
    '| phase | ms | peak RSS MiB | heap used after MiB |',
    '| --- | --- | --- | --- |',
    row('baseline: read the candidate rows from PostgreSQL', r.baselineRead),
    row('lock', r.lock),
    row('draw', r.draw),
    row('verify the record (node:crypto)', r.nodeVerify),
    '',
    `Lock + draw: **${r.lockPlusDrawOverRead}×** the read (target ≤ 3×: ${verdict}). The lock's parts: strata`,
    `grouped and sorted ${n(r.lock.phases.strata ?? 0)} ms, the \`eligible\` object of ${n(r.plan.candidates)} keys`,
    `${n(r.lock.phases.eligible ?? 0)} ms, candidate digest and commitment ${n(r.lock.phases.digest ?? 0)} ms.`,
    '',
    `Browser verifier (\`/assets/draw-verify.js\`) in Chromium on a ${n(browser.candidates)}-candidate record`,
    `(${n(browser.targets)} targets, ${browser.jsonMiB} MiB of JSON: each candidate lists its grid's 12 SCJG and 8 YJGL`,
    `inspectors minus recusals, since a record spells every list out); node:crypto verifies it in ${n(browser.nodeVerify.ms)} ms.`,
    '',
    '| hash | fetch + JSON.parse ms | verify ms | JS heap MiB |',
    '| --- | --- | --- | --- |',
    ...browser.chromium.map(
      (b) => `| ${b.hash} | ${n(b.fetchParseMs)} | ${n(b.verifyMs)} | ${b.usedJsHeapMiB ?? '–'} |`,
    ),
    '',
  ].join('\n');
}
