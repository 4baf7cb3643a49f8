import fc from 'fast-check';
import { runDraw } from '@hub/draw';
import type { Inspector } from '../directories/inspectors.repository';
import type { InspectionItem } from '../directories/items.repository';
import type { CandidateRow } from '../directories/targets.repository';
import { DEFAULT_RATIOS_BP, isEligible, lockInputs, type PlanScope } from './plan-rules';

const item = (change: Partial<InspectionItem> = {}): InspectionItem => ({
  department: 'SCJG',
  code: 'SCJG-SP-001',
  name: '食品经营许可条件检查',
  legalBasis: '《食品安全法》第三十五条',
  keyItem: true,
  enterpriseKinds: [],
  licenceTypes: ['SPJ-SPJY-001'],
  ...change,
});
const inspector = (certificateNo: string, change: Partial<Inspector> = {}): Inspector => ({
  certificateNo,
  department: 'SCJG',
  name: `检查员${certificateNo}`,
  validFrom: '2024-01-01',
  validUntil: '2027-12-31',
  specialities: [],
  conflicts: [],
  active: true,
  ...change,
});
const candidate = (uscc: string, change: Partial<CandidateRow> = {}): CandidateRow => ({
  uscc,
  kind: 'enterprise',
  riskClass: 'D',
  licenceTypes: ['SPJ-SPJY-001'],
  ...change,
});
const scope = (change: Partial<PlanScope> = {}): PlanScope => ({
  planId: 'SCJG-2026-01',
  departments: [
    { code: 'SCJG', inspectorsPerTarget: 2, itemCodes: ['SCJG-SP-001'] },
    { code: 'YJJ', inspectorsPerTarget: 1, itemCodes: ['YJJ-AQ-001'] },
  ],
  ratios: DEFAULT_RATIOS_BP,
  maxTargetsPerInspector: null,
  enterpriseAnnualCap: 2,
  inspectionDate: '2026-12-15',
  ...change,
});
const U = ['91130871MA0CXQ123U', '91130871MA0CXQ234M', '91130871MA0CXQ345F', '92130871MA0DDD0002'];

describe('lockInputs: what a lock fixes', () => {
  it("takes the enterprises the lead's items apply to, by risk class, in byte order", () => {
    const { inputs } = lockInputs(
      scope(),
      [
        candidate(U[1]!, { riskClass: 'A' }),
        candidate(U[0]!, { riskClass: 'A' }),
        candidate(U[2]!, { riskClass: null }),
        candidate(U[3]!, { licenceTypes: [] }),
      ],
      [item()],
      [inspector('C-1'), inspector('C-2')],
      new Map(),
    );
    expect(inputs.strata.map((s) => [s.name, s.ratioBp, s.candidates])).toEqual([
      ['A', 500, [U[0], U[1]]],
      ['B', 2000, []],
      ['C', 6000, []],
      ['D', 10000, []],
      ['unrated', 2000, [U[2]]],
    ]);
    expect(inputs.departments).toEqual([
      { code: 'SCJG', inspectorsPerTarget: 2 },
      { code: 'YJJ', inspectorsPerTarget: 1 },
    ]);
    expect(inputs).not.toHaveProperty('maxTargetsPerInspector');
  });

  it('excludes an enterprise at its annual cap, with the reason', () => {
    const { inputs, exclusions } = lockInputs(
      scope(),
      [candidate(U[0]!), candidate(U[1]!)],
      [item()],
      [],
      new Map([[U[1]!, 2]]),
    );
    expect(inputs.strata.find((s) => s.name === 'D')!.candidates).toEqual([U[0]]);
    expect(exclusions).toEqual([{ uscc: U[1], reason: '本年度已被抽查 2 次，达到每年 2 次的上限' }]);
  });

  it('lists per department the inspectors eligible: certificate valid that day, no conflict, active', () => {
    const staff = [
      inspector('C-1'),
      inspector('C-2', { conflicts: [U[0]!] }),
      inspector('C-3', { validUntil: '2026-12-14' }),
      inspector('C-4', { validFrom: '2026-12-15' }),
      inspector('C-5', { active: false }),
      inspector('Y-1', { department: 'YJJ' }),
    ];
    const { inputs } = lockInputs(scope(), [candidate(U[0]!), candidate(U[1]!)], [item()], staff, new Map());
    expect(inputs.eligible).toEqual({
      [U[0]!]: { SCJG: ['C-1', 'C-4'], YJJ: ['Y-1'] },
      [U[1]!]: { SCJG: ['C-1', 'C-2', 'C-4'], YJJ: ['Y-1'] },
    });
  });

  it('applies an item only to the kinds of enterprise it names', () => {
    const { inputs } = lockInputs(
      scope(),
      [candidate(U[0]!), candidate(U[3]!, { kind: 'individual' })],
      [item({ enterpriseKinds: ['individual'] })],
      [],
      new Map(),
    );
    expect(inputs.strata.flatMap((s) => s.candidates)).toEqual([U[3]]);
  });

  it('gives, drawn, only teams of eligible inspectors within the cap, and no target twice', () => {
    const arbitraryStaff = fc.array(
      fc.record({
        n: fc.integer({ min: 0, max: 30 }),
        conflict: fc.option(fc.constantFrom(...U), { nil: undefined }),
        expired: fc.boolean(),
      }),
      { maxLength: 12 },
    );
    fc.assert(
      fc.property(arbitraryStaff, fc.integer({ min: 1, max: 3 }), fc.string(), (raw, cap, entropy) => {
        const staff = [...new Map(raw.map((r) => [r.n, r])).values()].map((r) =>
          inspector(`C-${r.n}`, {
            conflicts: r.conflict ? [r.conflict] : [],
            validUntil: r.expired ? '2026-06-30' : '2027-12-31',
          }),
        );
        const { inputs } = lockInputs(
          scope({ maxTargetsPerInspector: cap, departments: [scope().departments[0]!] }),
          U.map((u) => candidate(u)),
          [item()],
          staff,
          new Map(),
        );
        const outcome = runDraw(inputs, new Uint8Array(32).fill(7), entropy);
        const byId = new Map(staff.map((s) => [s.certificateNo, s]));
        const load = new Map<string, number>();
        expect(new Set(outcome.targets.map((t) => t.uscc)).size).toBe(outcome.targets.length);
        for (const t of outcome.targets) {
          const team = t.teams.SCJG;
          if (team === null) continue;
          expect(new Set(team).size).toBe(team.length);
          for (const id of team) {
            expect(isEligible(byId.get(id)!, t.uscc, '2026-12-15')).toBe(true);
            load.set(id, (load.get(id) ?? 0) + 1);
          }
        }
        for (const n of load.values()) expect(n).toBeLessThanOrEqual(cap);
      }),
      { numRuns: 200 },
    );
  });
});
