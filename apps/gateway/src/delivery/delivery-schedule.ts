import { backoffMs } from '@hub/messaging';

export interface DeliverySchedule {
  /** Delay after the first failed attempt. */
  baseMs: number;
  /** Longest delay between two attempts. */
  maxMs: number;
}

/**
 * How long to wait after the `attempts`-th failed attempt of a delivery: doubling from the base, capped, with
 * ±20 % jitter so that a receiver coming back is not hit by every waiting delivery in the same second.
 */
export function retryDelayMs(schedule: DeliverySchedule, attempts: number, random: () => number = Math.random): number {
  return backoffMs({ attempts: 0, initialDelayMs: schedule.baseMs, maxDelayMs: schedule.maxMs }, attempts, random);
}
