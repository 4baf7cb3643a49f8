import { DepartmentRateLimiter } from './rate-limiter';

describe('DepartmentRateLimiter', () => {
  let clock = 0;
  const limiter = () =>
    new DepartmentRateLimiter(
      (d) => (d === 'SPJ' ? { rate: 10, burst: 20 } : { rate: 1, burst: 1 }),
      () => clock,
    );

  beforeEach(() => {
    clock = 1_000_000;
  });

  it('lets a burst through, then refuses with the seconds until a token is back', () => {
    const l = limiter();
    expect(l.take('SPJ', 20)).toEqual({ allowed: true });
    expect(l.take('SPJ', 1)).toEqual({ allowed: false, retryAfterSeconds: 1 });
    clock += 100; // one token at 10/s
    expect(l.take('SPJ', 1)).toEqual({ allowed: true });
    expect(l.take('SPJ', 1)).toMatchObject({ allowed: false });
  });

  it('keeps departments apart', () => {
    const l = limiter();
    expect(l.take('SCJG', 1)).toEqual({ allowed: true });
    expect(l.take('SCJG', 1)).toMatchObject({ allowed: false });
    expect(l.take('SPJ', 1)).toEqual({ allowed: true });
  });

  it('lets one batch bigger than the burst in, then makes the department wait out the debt', () => {
    const l = limiter();
    expect(l.take('SPJ', 50)).toEqual({ allowed: true }); // 20 - 50 = -30 tokens
    expect(l.take('SPJ', 1)).toEqual({ allowed: false, retryAfterSeconds: 4 }); // (1 + 30) / 10 s
    clock += 3_000;
    expect(l.take('SPJ', 1)).toMatchObject({ allowed: false });
    clock += 1_000;
    expect(l.take('SPJ', 1)).toEqual({ allowed: true });
  });

  it('never holds more than the burst however long it waited', () => {
    const l = limiter();
    clock += 3_600_000;
    expect(l.take('SPJ', 20)).toEqual({ allowed: true });
    expect(l.take('SPJ', 1)).toMatchObject({ allowed: false });
  });
});
