import type { AssertedCaller, PersonRole } from '@hub/assertion';

/** 信息化中心's operators, auditors and admins read everything the inspection app holds (issue 15's roles). */
export const READ_ANY_DEPARTMENT: PersonRole[] = ['operator', 'auditor', 'admin'];
/** Who may read the app's API at all: every role but the coordinators', whose work is the linkage. */
export const READERS: PersonRole[] = ['supervisor', 'viewer', ...READ_ANY_DEPARTMENT];

/**
 * Whether the caller may act for `department` (write: its system, or its supervisor), or with `read` see what is
 * the department's (also its viewers, and 信息化中心's operators, auditors and admins).
 */
export function mayActFor(caller: AssertedCaller, department: string, read = false): boolean {
  if (caller.kind === 'system') return caller.department === department;
  if (read && caller.roles.some((r) => (READ_ANY_DEPARTMENT as string[]).includes(r))) return true;
  if (caller.department !== department) return false;
  return caller.roles.includes('supervisor') || (read && caller.roles.includes('viewer'));
}
