import fc from 'fast-check';
import { targetCount } from './draw-computation';
import { runDraw, verifyDrawRecord } from './draw-node';
import type { DrawRecord } from './draw-types';
import { nobleDrawHash } from './noble-hash';
import { copy, drawCase, recordOf } from './testing/draw-arbitraries';

const RUNS = { numRuns: 150 };

describe('SSGK-DRAW-1 properties', () => {
  it("draws each stratum's k distinct targets from its candidates, in plan order", () => {
    fc.assert(
      fc.property(drawCase, ({ inputs, secret, entropy }) => {
        const { targets } = runDraw(inputs, secret, entropy);
        expect(new Set(targets.map((t) => t.uscc)).size).toBe(targets.length);
        expect(targets.map((t) => t.stratum)).toEqual(
          inputs.strata.flatMap((s) => Array<string>(targetCount(s.candidates.length, s.ratioBp)).fill(s.name)),
        );
        for (const t of targets) {
          expect(inputs.strata.find((s) => s.name === t.stratum)!.candidates).toContain(t.uscc);
        }
      }),
      RUNS,
    );
  });

  it('staffs teams with distinct eligible inspectors under the cap, null exactly when the pool is short', () => {
    fc.assert(
      fc.property(drawCase, ({ inputs, secret, entropy }) => {
        const { targets } = runDraw(inputs, secret, entropy);
        const cap = inputs.maxTargetsPerInspector ?? Infinity;
        const held = new Map<string, number>();
        for (const target of targets) {
          for (const department of inputs.departments) {
            const eligible = inputs.eligible[target.uscc]![department.code]!;
            const pool = eligible.filter((id) => (held.get(id) ?? 0) < cap);
            const team = target.teams[department.code];
            expect(team === null).toBe(pool.length < department.inspectorsPerTarget);
            if (team === null || team === undefined) continue;
            expect(team).toHaveLength(department.inspectorsPerTarget);
            expect(new Set(team).size).toBe(team.length);
            for (const id of team) {
              expect(pool).toContain(id);
              held.set(id, (held.get(id) ?? 0) + 1);
            }
          }
        }
        for (const count of held.values()) expect(count).toBeLessThanOrEqual(cap);
      }),
      RUNS,
    );
  });

  it('gives the same record when recomputed, on either hash', () => {
    fc.assert(
      fc.property(drawCase, (c) => {
        const record = copy(recordOf(c));
        expect(verifyDrawRecord(record)).toMatchObject({ ok: true, hash: 'node:crypto' });
        expect(verifyDrawRecord(record, nobleDrawHash)).toMatchObject({ ok: true, hash: '@noble/hashes' });
        expect(runDraw(c.inputs, c.secret, c.entropy, nobleDrawHash)).toEqual(runDraw(c.inputs, c.secret, c.entropy));
      }),
      RUNS,
    );
  });
});

type Mutation = (record: DrawRecord) => boolean;

const flipHex = (hex: string) => (hex[0] === '0' ? '1' : '0') + hex.slice(1);

/** Changes that the record's hashes must catch, each by the check named; false: the record has nothing to change. */
const CAUGHT: Record<string, [check: string, mutate: Mutation]> = {
  entropy: ['seedHex', (r) => ((r.entropy += 'x'), true)],
  planId: ['seedHex', (r) => ((r.planId += '-2'), true)],
  secretHex: ['commitment', (r) => ((r.secretHex = flipHex(r.secretHex)), true)],
  commitment: ['commitment', (r) => ((r.commitment = flipHex(r.commitment)), true)],
  seedHex: ['seedHex', (r) => ((r.seedHex = flipHex(r.seedHex)), true)],
  candidateDigest: ['candidateDigest', (r) => ((r.candidateDigest = flipHex(r.candidateDigest)), true)],
  'a candidate': [
    'candidateDigest',
    (r) => {
      const stratum = r.strata.find((s) => s.candidates.length > 0);
      if (!stratum) return false;
      const old = stratum.candidates[0]!;
      stratum.candidates[0] = `${old}\u0000changed`;
      r.eligible[stratum.candidates[0]] = r.eligible[old]!;
      return true;
    },
  ],
  'a stratum name': ['candidateDigest', (r) => r.strata.some((s) => s.candidates.length > 0 && (s.name += '+'))],
  'a target': [
    'targets',
    (r) => {
      if (r.targets.length === 0) return false;
      r.targets[0]!.uscc += '?';
      return true;
    },
  ],
  'a team member': [
    'teams',
    (r) => {
      const team = r.targets.flatMap((t) => Object.values(t.teams)).find((members) => members !== null);
      if (!team) return false;
      team[0] = 'NOT-ELIGIBLE';
      return true;
    },
  ],
  'a ratio': [
    'targets',
    (r) => {
      const stratum = r.strata.find((s) => s.candidates.length > 0);
      if (!stratum) return false;
      const n = stratum.candidates.length;
      const k = targetCount(n, stratum.ratioBp);
      stratum.ratioBp = k === n ? 0 : 10000;
      return true;
    },
  ],
};

describe('SSGK-DRAW-1 verification of a changed record', () => {
  it.each(Object.entries(CAUGHT))('fails naming %s', (_field, [check, mutate]) => {
    fc.assert(
      fc.property(drawCase, (c) => {
        const record = copy(recordOf(c));
        fc.pre(mutate(record));
        const verification = verifyDrawRecord(record);
        expect(verification.ok).toBe(false);
        expect(verification.firstFailure?.name).toBe(check);
      }),
      RUNS,
    );
  });

  it('fails for a changed cap, eligible list or team size exactly when the draw would come out otherwise', () => {
    const changes: Mutation[] = [
      (r) => ((r.maxTargetsPerInspector = (r.maxTargetsPerInspector ?? 2) === 1 ? undefined : 1), true),
      (r) => r.departments.length > 0 && ((r.departments[0]!.inspectorsPerTarget += 1), true),
      (r) => {
        const target = r.targets[0];
        if (!target) return false;
        const code = r.departments[0]!.code;
        r.eligible[target.uscc] = { ...r.eligible[target.uscc], [code]: [] };
        return true;
      },
    ];
    fc.assert(
      fc.property(drawCase, fc.constantFrom(...changes), (c, change) => {
        const original = recordOf(c);
        const record = copy(original);
        fc.pre(change(record));
        const redrawn = runDraw(record, c.secret, c.entropy);
        const verification = verifyDrawRecord(record);
        expect(verification.ok).toBe(JSON.stringify(redrawn.targets) === JSON.stringify(original.targets));
        if (!verification.ok) expect(['targets', 'teams']).toContain(verification.firstFailure?.name);
      }),
      RUNS,
    );
  });
});
