import { isTransientInfrastructureError } from '@hub/messaging';

/**
 * SQLSTATEs meaning "the database cannot take this now" rather than "this request is wrong": 08 connection,
 * 53 insufficient resources, 57 operator intervention (shutdown, cancel, statement timeout), 58 system error,
 * 55000/55006 (e.g. the database not accepting connections), 40001/40P01 (serialization failure, deadlock).
 */
const UNAVAILABLE_STATES = /^(08|53|57|58)|^(55000|55006|40001|40P01)$/;

export function isDatabaseUnavailable(error: unknown): boolean {
  if (isTransientInfrastructureError(error)) return true;
  if (typeof error !== 'object' || error === null) return false;
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (typeof code === 'string' && UNAVAILABLE_STATES.test(code)) return true;
  return (
    typeof message === 'string' &&
    /timeout exceeded when trying to connect|Connection terminated|ECONNREFUSED|not queryable/i.test(message)
  );
}
