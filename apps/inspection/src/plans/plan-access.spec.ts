import type { AssertedCaller } from '@hub/assertion';
import { mayActFor } from '../people';
import { assertLeads, assertState, assertTakesPart } from './plan-access';
import type { Plan } from './plans.repository';

const person = (department: string, roles: string[]): AssertedCaller => ({
  kind: 'person',
  subject: `acct-${department}`,
  department,
  roles,
  id: 'jti',
});
const plan = {
  id: 'P1',
  leadDepartment: 'SCJG',
  state: 'locked',
  departments: [{ code: 'SCJG' }, { code: 'YJJ' }],
} as Plan;

describe('who may act on a plan', () => {
  it("lets the lead's supervisor lock and void, and a supervisor of any of its departments draw", () => {
    expect(() => assertLeads(person('SCJG', ['supervisor']), plan, 'lock')).not.toThrow();
    expect(() => assertLeads(person('YJJ', ['supervisor']), plan, 'lock')).toThrow(/only a supervisor of SCJG/);
    expect(() => assertTakesPart(person('YJJ', ['supervisor']), plan, 'draw')).not.toThrow();
    expect(() => assertTakesPart(person('STHJ', ['supervisor']), plan, 'draw')).toThrow(/SCJG, YJJ/);
    expect(() => assertTakesPart(person('SCJG', ['viewer']), plan, 'draw')).toThrow();
  });

  it("lets a department's system act for it alone, viewers and 信息化中心's readers read, the public nothing", () => {
    const system: AssertedCaller = { kind: 'system', subject: 'AK1', department: 'YJJ', roles: [], id: 'j' };
    expect(mayActFor(system, 'YJJ')).toBe(true);
    expect(mayActFor(system, 'SCJG', true)).toBe(false);
    expect(mayActFor(person('SCJG', ['viewer']), 'SCJG', true)).toBe(true);
    expect(mayActFor(person('SCJG', ['viewer']), 'SCJG')).toBe(false);
    expect(mayActFor(person('XXHZX', ['auditor']), 'SCJG', true)).toBe(true);
    expect(mayActFor(person('XXHZX', ['auditor']), 'SCJG')).toBe(false);
    expect(mayActFor({ kind: 'public', subject: 'public', department: '', roles: [], id: 'j' }, 'SCJG', true)).toBe(
      false,
    );
  });

  it('wants the plan in the state the action needs', () => {
    expect(() => assertState(plan, 'draft', 'locked')).toThrow(/P1 is locked: only a draft plan can be locked/);
  });
});
