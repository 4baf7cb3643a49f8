import { isDepartmentCode } from '../departments/departments';

/** The hub's deployable apps (DESIGN.md); an app may own the event types it emits itself. */
export const APP_NAMES = ['gateway', 'approval', 'supervision', 'inspection', 'registry', 'console'] as const;
export type AppName = (typeof APP_NAMES)[number];

export function isAppName(value: unknown): value is AppName {
  return typeof value === 'string' && (APP_NAMES as readonly string[]).includes(value);
}

/**
 * The owner of a department's own requests to the hub (e.g. claiming a push): every department may publish the
 * type, each only for itself (its `source` and `department`, as for any type a department owns).
 */
export const EACH_DEPARTMENT = 'each-department';

/** The department whose system the catalogue's example of an `each-department` type comes from. */
export const EXAMPLE_DEPARTMENT = 'SCJG';

/** An event type's owner: a department code (`SPJ`), an app name (`supervision`) or {@link EACH_DEPARTMENT}. */
export function isEventOwner(value: unknown): value is string {
  return isDepartmentCode(value) || isAppName(value) || value === EACH_DEPARTMENT;
}

/** Whether a department may publish a type of this owner. */
export function mayPublish(owner: string, department: string): boolean {
  return owner === department || (owner === EACH_DEPARTMENT && isDepartmentCode(department));
}

/** The department an example event of this owner comes from: the owner itself, or the example one; none for an app. */
export function exampleDepartmentOf(owner: string): string | undefined {
  if (owner === EACH_DEPARTMENT) return EXAMPLE_DEPARTMENT;
  return isDepartmentCode(owner) ? owner : undefined;
}
