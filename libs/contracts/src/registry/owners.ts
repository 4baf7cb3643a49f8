import { isDepartmentCode } from '../departments/departments';

/** The hub's deployable apps (DESIGN.md); an app may own the event types it emits itself. */
export const APP_NAMES = ['gateway', 'approval', 'supervision', 'inspection', 'registry', 'console'] as const;
export type AppName = (typeof APP_NAMES)[number];

export function isAppName(value: unknown): value is AppName {
  return typeof value === 'string' && (APP_NAMES as readonly string[]).includes(value);
}

/** An event type's owner: a department code (`SPJ`) or an app name (`supervision`). */
export function isEventOwner(value: unknown): value is string {
  return isDepartmentCode(value) || isAppName(value);
}
