import { retryDelayMs } from './delivery-schedule';

describe('retryDelayMs', () => {
  const hourly = { baseMs: 10_000, maxMs: 3_600_000 };

  it('doubles from the base after each failed attempt', () => {
    const mid = () => 0.5;
    expect([1, 2, 3, 4, 5].map((a) => retryDelayMs(hourly, a, mid))).toEqual([10_000, 20_000, 40_000, 80_000, 160_000]);
  });

  it('stays at the cap, with jitter, however many attempts failed', () => {
    expect(retryDelayMs(hourly, 40, () => 0.5)).toBe(3_600_000);
    expect(retryDelayMs(hourly, 40, () => 0)).toBe(2_880_000);
    expect(retryDelayMs(hourly, 40, () => 0.999)).toBeLessThanOrEqual(4_320_000);
  });

  it('keeps retrying through a day at the default settings: about 30 attempts in the first 24 h', () => {
    let elapsed = 0;
    let attempts = 0;
    while (elapsed < 24 * 3_600_000) elapsed += retryDelayMs(hourly, ++attempts, () => 0.5);
    expect(attempts).toBeGreaterThan(25);
    expect(attempts).toBeLessThan(35);
  });
});
