import type { HashComputation } from './draw-hash';
import { LabelStream } from './draw-stream';
import type { DrawInputs, DrawnTarget, DrawOutcome, DrawStratum } from './draw-types';
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
  // A lock that stored its strata sorted (sortStrata) costs one pass here, not a sort.
  const sorted = lists.map((list) =>
    ascending(list, order) ? list : order === compareUtf8 ? list.sort(compareUtf8) : list.sort(),
  );
  sorted.forEach((list, s) => {
    for (let i = 1; i < list.length; i++) if (list[i] === list[i - 1]) repeated(inputs.strata, s, list[i]!, true);
    for (let earlier = 0; earlier < s; earlier++) {
      const both = firstInBoth(sorted[earlier]!, list, order);
      if (both !== undefined) repeated(inputs.strata, s, both, false);
    }
  });
  return sorted;
}

/**
 * The strata with each one's candidates in byte order, as a lock may store them: the order is the spec's anyway
 * (digest and draw sort), and sorting what is sorted costs a pass, so the draw does not sort a million again.
 */
export function sortStrata(strata: readonly DrawStratum[]): DrawStratum[] {
  const sorted = sortedCandidates({ strata });
  return strata.map((stratum, s) => ({ ...stratum, candidates: sorted[s]! }));
}

function ascending(list: readonly string[], order: (a: string, b: string) => number): boolean {
  for (let i = 1; i < list.length; i++) if (order(list[i - 1]!, list[i]!) > 0) return false;
  return true;
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
 * (the caller hands it over). Spec step 4's positions j + uniform(len − j) are drawn inline, twice, so that no
 * generator is made per team.
 */
export function* drawFromSeed(inputs: DrawInputs, sorted: string[][], seed: Uint8Array): HashComputation<DrawOutcome> {
  const stream = new LabelStream(seed);
  const targets: DrawnTarget[] = [];
  for (let s = 0; s < inputs.strata.length; s++) {
    const stratum = inputs.strata[s]!;
    const list = sorted[s]!;
    const k = targetCount(list.length, stratum.ratioBp);
    stream.reset(`targets/${stratum.name}`);
    for (let j = 0; j < k; j++) {
      let r: number;
      while ((r = stream.uniform(list.length - j)) < 0) stream.accept(yield stream.request());
      const picked = list[j + r]!;
      list[j + r] = list[j]!;
      list[j] = picked;
      targets.push({ uscc: picked, stratum: stratum.name, teams: {} });
    }
  }
  const teams = new TeamPools(inputs.maxTargetsPerInspector ?? undefined);
  const most = inputs.departments.reduce((max, d) => Math.max(max, d.inspectorsPerTarget), 0);
  const swaps = new Uint32Array(most);
  for (const target of targets) {
    const eligible = inputs.eligible[target.uscc]!;
    for (const { code, inspectorsPerTarget: k } of inputs.departments) {
      const pool = teams.open(eligible[code]!);
      if (pool.open.length < k) {
        target.teams[code] = null;
        continue;
      }
      stream.reset(`inspectors/${target.uscc}/${code}`);
      for (let j = 0; j < k; j++) {
        let r: number;
        while ((r = stream.uniform(pool.open.length - j)) < 0) stream.accept(yield stream.request());
        swaps[j] = j + r;
      }
      target.teams[code] = teams.assign(pool, swaps, k);
    }
  }
  return { seedHex: toHex(seed), targets };
}

interface Pool {
  sorted: string[];
  /** Each sorted id's number in TeamPools.counts. */
  sortedIds: Int32Array;
  open: string[];
  openIds: Int32Array;
  epoch: number;
}

/**
 * The inspectors' pools (spec step 6). An eligible list shared by many targets (one array per department and
 * exclusion set) is sorted once; the pool without the inspectors at the cap is rebuilt only after someone new
 * reached it (the epoch moved). Inspectors are numbered, so that counting is an array's, not a map's.
 */
class TeamPools {
  private readonly numbers = new Map<string, number>();
  private readonly counts: number[] = [];
  private readonly pools = new Map<readonly string[], Pool>();
  private readonly cap: number;
  private epoch = 0;
  // The partial Fisher–Yates' swapped places (k is a team's size: a handful), and the places chosen.
  private movedFrom = new Int32Array(0);
  private movedTo = new Int32Array(0);
  private chosen = new Int32Array(0);

  constructor(cap: number | undefined) {
    this.cap = cap ?? Infinity;
  }

  open(eligible: readonly string[]): Pool {
    let pool = this.pools.get(eligible);
    if (!pool) {
      const sorted = sortByteOrder(eligible.slice());
      const sortedIds = Int32Array.from(sorted, (id) => this.number(id));
      pool = { sorted, sortedIds, open: sorted, openIds: sortedIds, epoch: 0 };
      this.pools.set(eligible, pool);
    }
    if (pool.epoch !== this.epoch) {
      const open: string[] = [];
      const openIds: number[] = [];
      pool.sortedIds.forEach((n, i) => {
        if (this.counts[n]! < this.cap) {
          open.push(pool!.sorted[i]!);
          openIds.push(n);
        }
      });
      pool.open = open;
      pool.openIds = Int32Array.from(openIds);
      pool.epoch = this.epoch;
    }
    return pool;
  }

  /** The first k of a partial Fisher–Yates over the open pool, without copying it. */
  assign(pool: Pool, swaps: Uint32Array, k: number): string[] {
    if (this.chosen.length < k) {
      this.movedFrom = new Int32Array(k);
      this.movedTo = new Int32Array(k);
      this.chosen = new Int32Array(k);
    }
    for (let j = 0; j < k; j++) {
      const r = swaps[j]!;
      const atJ = this.at(j, j);
      this.chosen[j] = this.at(r, j);
      this.movedFrom[j] = r;
      this.movedTo[j] = atJ;
    }
    const team = new Array<string>(k);
    for (let j = 0; j < k; j++) {
      const place = this.chosen[j]!;
      team[j] = pool.open[place]!;
      const n = pool.openIds[place]!;
      if (++this.counts[n]! >= this.cap) this.epoch++;
    }
    return team;
  }

  /** What stands at `place` after the first `moved` swaps: the latest swap into it, else what was there. */
  private at(place: number, moved: number): number {
    for (let m = moved - 1; m >= 0; m--) if (this.movedFrom[m] === place) return this.movedTo[m]!;
    return place;
  }

  private number(id: string): number {
    let n = this.numbers.get(id);
    if (n === undefined) {
      n = this.counts.length;
      this.numbers.set(id, n);
      this.counts.push(0);
    }
    return n;
  }
}
