import type { HashComputation } from './draw-hash';
import { LabelStream } from './draw-stream';
import type { DrawDepartment, DrawInputs, DrawnTarget, DrawOutcome, DrawStratum } from './draw-types';
import { DRAW_PROTOCOL } from './draw-types';
import { DrawInputError } from './draw-inputs';
import { byteOrderFor, compareUtf8, sortByteOrder, toHex, utf8, utf8Length, writeUtf8 } from './utf8';

/** Spec step 1: SHA-256("SSGK-DRAW-1" ‖ 0x00 ‖ planId ‖ 0x00 ‖ secret ‖ 0x00 ‖ entropy). */
export function seedMessage(planId: string, secret: Uint8Array, entropy: string): Uint8Array {
  const parts = [utf8(DRAW_PROTOCOL), utf8(planId), secret, utf8(entropy)];
  const message = new Uint8Array(parts.reduce((sum, part) => sum + part.length, parts.length - 1));
  let at = 0;
  parts.forEach((part, i) => {
    if (i > 0) message[at++] = 0;
    message.set(part, at);
    at += part.length;
  });
  return message;
}

/** The lines "<stratum name>\t<uscc>\n" that candidateDigest hashes, each stratum's candidates already sorted. */
export function digestMessage(names: readonly string[], sorted: readonly (readonly string[])[]): Uint8Array {
  let length = 0;
  sorted.forEach((candidates, s) => {
    const prefix = utf8Length(names[s]!) + 2;
    for (const uscc of candidates) length += prefix + utf8Length(uscc);
  });
  const message = new Uint8Array(length);
  let at = 0;
  sorted.forEach((candidates, s) => {
    const name = names[s]!;
    for (const uscc of candidates) {
      at = writeUtf8(name, message, at);
      message[at++] = 0x09;
      at = writeUtf8(uscc, message, at);
      message[at++] = 0x0a;
    }
  });
  return message;
}

/** Each stratum's candidates in byte order; a candidate in the plan twice is refused, naming its second place. */
export function sortedCandidates(inputs: { readonly strata: readonly DrawStratum[] }): string[][] {
  const lists = inputs.strata.map((stratum) => stratum.candidates.slice());
  const order = byteOrderFor(...lists);
  const sorted = lists.map((list) => (order === compareUtf8 ? list.sort(compareUtf8) : list.sort()));
  sorted.forEach((list, s) => {
    for (let i = 1; i < list.length; i++) if (list[i] === list[i - 1]) repeated(inputs.strata, s, list[i]!, true);
    for (let earlier = 0; earlier < s; earlier++) {
      const both = firstInBoth(sorted[earlier]!, list, order);
      if (both !== undefined) repeated(inputs.strata, s, both, false);
    }
  });
  return sorted;
}

function firstInBoth(a: readonly string[], b: readonly string[], order: (a: string, b: string) => number) {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const c = order(a[i]!, b[j]!);
    if (c === 0) return a[i];
    if (c < 0) i++;
    else j++;
  }
  return undefined;
}

function repeated(strata: readonly DrawStratum[], s: number, uscc: string, within: boolean): never {
  const candidates = strata[s]!.candidates;
  const at = within ? candidates.lastIndexOf(uscc) : candidates.indexOf(uscc);
  throw new DrawInputError(`strata[${s}].candidates[${at}]`, `repeats the candidate ${JSON.stringify(uscc)}`);
}

/** k = min(n, ceil(n × ratioBp / 10000)), in integers (spec step 5). */
export function targetCount(n: number, ratioBp: number): number {
  return Math.min(n, Math.floor((n * ratioBp + 9999) / 10000));
}

/**
 * Spec steps 2–6 from the seed. `sorted` holds each stratum's candidates in byte order and is shuffled in place
 * (the caller hands it over).
 */
export function* drawFromSeed(inputs: DrawInputs, sorted: string[][], seed: Uint8Array): HashComputation<DrawOutcome> {
  const targets: DrawnTarget[] = [];
  for (let s = 0; s < inputs.strata.length; s++) {
    const stratum = inputs.strata[s]!;
    const list = sorted[s]!;
    const k = targetCount(list.length, stratum.ratioBp);
    const swaps = new Uint32Array(k);
    yield* new LabelStream(seed, `targets/${stratum.name}`).swaps(list.length, k, swaps);
    for (let j = 0; j < k; j++) {
      const r = swaps[j]!;
      const picked = list[r]!;
      list[r] = list[j]!;
      list[j] = picked;
      targets.push({ uscc: picked, stratum: stratum.name, teams: {} });
    }
  }
  const teams = new TeamPools(inputs.maxTargetsPerInspector ?? undefined);
  const most = inputs.departments.reduce((max, d) => Math.max(max, d.inspectorsPerTarget), 0);
  const swaps = new Uint32Array(most);
  for (const target of targets) {
    const eligible = inputs.eligible[target.uscc]!;
    for (const department of inputs.departments) {
      target.teams[department.code] = yield* teams.draw(
        seed,
        target.uscc,
        department,
        eligible[department.code]!,
        swaps,
      );
    }
  }
  return { seedHex: toHex(seed), targets };
}

interface Pool {
  sorted: string[];
  open: string[];
  epoch: number;
}

/**
 * The inspectors' pools (spec step 6). An eligible list shared by many targets (one array per department and
 * exclusion set) is sorted once; the pool without the inspectors at the cap is rebuilt only after someone new
 * reached it (the epoch moved).
 */
class TeamPools {
  private readonly counts = new Map<string, number>();
  private readonly pools = new Map<readonly string[], Pool>();
  private readonly moved = new Map<number, string>();
  private epoch = 0;

  constructor(private readonly cap: number | undefined) {}

  *draw(
    seed: Uint8Array,
    uscc: string,
    department: DrawDepartment,
    eligible: readonly string[],
    swaps: Uint32Array,
  ): HashComputation<string[] | null> {
    const pool = this.open(eligible);
    const k = department.inspectorsPerTarget;
    if (pool.length < k) return null;
    yield* new LabelStream(seed, `inspectors/${uscc}/${department.code}`).swaps(pool.length, k, swaps);
    // A partial Fisher–Yates over the shared pool without copying it: `moved` holds the positions swapped so far.
    const moved = this.moved;
    moved.clear();
    const team = new Array<string>(k);
    for (let j = 0; j < k; j++) {
      const r = swaps[j]!;
      const atJ = moved.get(j) ?? pool[j]!;
      const atR = moved.get(r) ?? pool[r]!;
      moved.set(r, atJ);
      team[j] = atR;
    }
    for (const member of team) this.count(member);
    return team;
  }

  private open(eligible: readonly string[]): string[] {
    let pool = this.pools.get(eligible);
    if (!pool) {
      const sorted = sortByteOrder(eligible.slice());
      pool = { sorted, open: sorted, epoch: 0 };
      this.pools.set(eligible, pool);
    }
    if (pool.epoch !== this.epoch) {
      const cap = this.cap!;
      pool.open = pool.sorted.filter((id) => (this.counts.get(id) ?? 0) < cap);
      pool.epoch = this.epoch;
    }
    return pool.open;
  }

  private count(member: string): void {
    const count = (this.counts.get(member) ?? 0) + 1;
    this.counts.set(member, count);
    if (this.cap !== undefined && count >= this.cap) this.epoch++;
  }
}
