import { rolesProblems } from './person-roles.policy';

describe('rolesProblems', () => {
  it('accepts each role in a department that may hold it, a supervisor of XXHZX among them', () => {
    expect(rolesProblems('XXHZX', ['operator', 'auditor', 'admin', 'supervisor'])).toEqual([]);
    expect(rolesProblems('ZFW', ['coordinator', 'viewer'])).toEqual([]);
    expect(rolesProblems('SCJG', ['supervisor'])).toEqual([]);
  });

  it('refuses an operator outside XXHZX and a coordinator outside ZFW and DZB: field roles, rule roleOfDepartment', () => {
    expect(rolesProblems('SCJG', ['operator'])).toEqual([
      expect.objectContaining({ field: 'roles', rule: 'roleOfDepartment' }),
    ]);
    expect(rolesProblems('SPJ', ['viewer', 'coordinator'])).toEqual([
      expect.objectContaining({ field: 'roles', rule: 'roleOfDepartment' }),
    ]);
  });

  it('refuses no role, an unknown one, and one given twice', () => {
    expect(rolesProblems('SCJG', [])).toEqual([expect.objectContaining({ field: 'roles', rule: 'arrayMinSize' })]);
    expect(rolesProblems('SCJG', ['boss'])).toEqual([expect.objectContaining({ field: 'roles[0]', rule: 'isIn' })]);
    expect(rolesProblems('SCJG', ['viewer', 'viewer'])).toEqual([
      expect.objectContaining({ field: 'roles', rule: 'arrayUnique' }),
    ]);
  });
});
