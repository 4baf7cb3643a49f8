/** The roles of people (issue 15): 信息化中心's operators, auditors and admins; a department's supervisors and viewers. */
export const ROLES = ['operator', 'auditor', 'admin', 'supervisor', 'coordinator', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

/** A signed-in person, as the gateway's session says. */
export interface Person {
  id: string;
  username: string;
  displayName: string;
  department: string;
  roles: string[];
}

/** The session behind a request: the gateway's token (from the cookie), its CSRF token, and whose it is. */
export interface WebSession {
  token: string;
  csrf: string;
  expiresAt: string;
  person: Person;
}

export function hasRole(person: Person, ...roles: Role[]): boolean {
  return roles.some((role) => person.roles.includes(role));
}

/** Who reads a department's ledger: its supervisors and viewers; the hub's operators, auditors and coordinators any. */
export function mayReadLedger(person: Person, department: string): boolean {
  return (
    hasRole(person, 'operator', 'auditor', 'coordinator') ||
    (person.department === department && hasRole(person, 'supervisor', 'viewer'))
  );
}

/** The ledger a person opens first: their own department's, or (coordinators and the hub's staff) the one chosen. */
export function mayChooseLedger(person: Person): boolean {
  return hasRole(person, 'operator', 'auditor', 'coordinator');
}
