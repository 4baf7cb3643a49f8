/** Consecutive failed logins after which an account is locked (issue 15: lockout with back-off). */
export const LOCKOUT_THRESHOLD = 5;
/** The first lock; each further failure after it doubles the lock, up to LOCKOUT_MAX_SECONDS. */
export const LOCKOUT_BASE_SECONDS = 60;
export const LOCKOUT_MAX_SECONDS = 3_600;

/**
 * How long the account is locked after its `failures`-th consecutive failed login: not at all before the threshold,
 * then 60 s, 120 s, 240 s… capped at an hour. A successful login resets the count.
 */
export function lockoutSeconds(failures: number): number {
  if (failures < LOCKOUT_THRESHOLD) return 0;
  const doublings = Math.min(failures - LOCKOUT_THRESHOLD, 16);
  return Math.min(LOCKOUT_BASE_SECONDS * 2 ** doublings, LOCKOUT_MAX_SECONDS);
}
