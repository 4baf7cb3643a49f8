import { backoffMs } from './retry-policy';

describe('backoffMs', () => {
  const policy = { attempts: 5, initialDelayMs: 100, maxDelayMs: 1_000 };

  it('doubles per attempt from the initial delay', () => {
    const mid = () => 0.5;
    expect([1, 2, 3, 4].map((a) => backoffMs(policy, a, mid))).toEqual([100, 200, 400, 800]);
  });

  it('never exceeds the cap, jitter included', () => {
    expect(backoffMs(policy, 10, () => 0.999)).toBeLessThanOrEqual(1_200);
    expect(backoffMs(policy, 10, () => 0)).toBe(800);
  });
});
