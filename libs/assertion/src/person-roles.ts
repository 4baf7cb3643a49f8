/**
 * The roles a person may hold (issue 15): `operator`, `auditor` and `admin` of 信息化中心 (XXHZX), the zone's
 * information centre that runs the hub; `supervisor` of a department; `coordinator` of 政法委 (ZFW) or 党政办 (DZB);
 * `viewer` of a department. The gateway checks at each change of an account that its roles fit its department.
 */
export const PERSON_ROLES = ['operator', 'auditor', 'admin', 'supervisor', 'coordinator', 'viewer'] as const;

export type PersonRole = (typeof PERSON_ROLES)[number];

/** The departments a role is limited to; a role not listed may be held in any department. */
export const ROLE_DEPARTMENTS: Partial<Record<PersonRole, readonly string[]>> = {
  operator: ['XXHZX'],
  auditor: ['XXHZX'],
  admin: ['XXHZX'],
  coordinator: ['ZFW', 'DZB'],
};

export function isPersonRole(value: unknown): value is PersonRole {
  return typeof value === 'string' && (PERSON_ROLES as readonly string[]).includes(value);
}
