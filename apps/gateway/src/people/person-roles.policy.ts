import { FieldError } from '@hub/contracts';
import { ROLE_DEPARTMENTS, isPersonRole } from '@hub/assertion';

/**
 * What is wrong with `roles` for an account of `department`: each role known, none twice, at least one, and each
 * of a department that may hold it (issue 15: operator, auditor, admin of XXHZX; coordinator of ZFW or DZB).
 */
export function rolesProblems(department: string, roles: readonly string[]): FieldError[] {
  if (roles.length === 0)
    return [{ field: 'roles', rule: 'arrayMinSize', message: 'give the account one role at least' }];
  const problems: FieldError[] = [];
  roles.forEach((role, index) => {
    if (!isPersonRole(role)) {
      problems.push({ field: `roles[${index}]`, rule: 'isIn', message: `${role} is not a role` });
      return;
    }
    const departments = ROLE_DEPARTMENTS[role];
    if (departments && !departments.includes(department)) {
      problems.push({
        field: 'roles',
        rule: 'roleOfDepartment',
        message: `${role} is a role of ${departments.join(' or ')} only, not of ${department}`,
      });
    }
  });
  if (new Set(roles).size !== roles.length) {
    problems.push({ field: 'roles', rule: 'arrayUnique', message: 'give each role once' });
  }
  return problems;
}
