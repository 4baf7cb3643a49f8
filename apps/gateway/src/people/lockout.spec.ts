import { lockoutSeconds } from './lockout';

describe('lockoutSeconds', () => {
  it('locks nothing before the fifth consecutive failure', () => {
    expect([1, 2, 3, 4].map(lockoutSeconds)).toEqual([0, 0, 0, 0]);
  });

  it('locks 60 s at the fifth, doubling with each failure after it', () => {
    expect([5, 6, 7, 8].map(lockoutSeconds)).toEqual([60, 120, 240, 480]);
  });

  it('never locks longer than an hour, however many failures', () => {
    expect([11, 12, 40, 10_000].map(lockoutSeconds)).toEqual([3_600, 3_600, 3_600, 3_600]);
  });
});
