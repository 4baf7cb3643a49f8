import { runInNewContext } from 'node:vm';

/**
 * Runs `work` and fails if it has not returned within `ceilingMs`. V8 interrupts the script even inside a regular
 * expression, so a pattern that backtracks exponentially fails the test instead of hanging it. The ceiling is meant
 * to be orders of magnitude above what linear work takes: it bounds runaway cost, it does not measure speed.
 */
export function withinStepBound<T>(work: () => T, ceilingMs = 5_000): T {
  return runInNewContext('work()', { work }, { timeout: ceilingMs }) as T;
}
