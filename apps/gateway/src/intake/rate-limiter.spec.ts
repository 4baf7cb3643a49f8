import { BucketState, DepartmentRateLimiter, Lease, RateBuckets, RateLimit, leaseFrom } from './rate-limiter';

/** The shared buckets in memory, under the same rule the PostgreSQL store applies; counts the leases asked. */
class MemoryBuckets implements RateBuckets {
  readonly state = new Map<string, BucketState>();
  leases = 0;
  failing = false;

  constructor(private readonly clock: () => number) {}

  lease(department: string, limit: RateLimit, need: number, want: number): Promise<Lease> {
    this.leases++;
    if (this.failing) return Promise.reject(new Error('connect ECONNREFUSED 127.0.0.1:5432'));
    const { lease, bucket } = leaseFrom(this.state.get(department), limit, need, want, this.clock());
    this.state.set(department, bucket);
    return Promise.resolve(lease);
  }
}

describe('DepartmentRateLimiter', () => {
  let clock = 0;
  const now = () => clock;
  const limits = (d: string): RateLimit => (d === 'SPJ' ? { rate: 10, burst: 20 } : { rate: 1, burst: 1 });
  let buckets: MemoryBuckets;
  const replica = (limitOf = limits) => new DepartmentRateLimiter(limitOf, buckets, now);

  beforeEach(() => {
    clock = 1_000_000;
    buckets = new MemoryBuckets(now);
  });

  it('lets a burst through, then refuses with the seconds until a token is back', async () => {
    const l = replica();
    expect(await l.take('SPJ', 20)).toEqual({ allowed: true });
    expect(await l.take('SPJ', 1)).toEqual({ allowed: false, retryAfterSeconds: 1 });
    clock += 100; // one token at 10/s
    expect(await l.take('SPJ', 1)).toEqual({ allowed: true });
    expect(await l.take('SPJ', 1)).toMatchObject({ allowed: false });
  });

  it('keeps departments apart', async () => {
    const l = replica();
    expect(await l.take('SCJG', 1)).toEqual({ allowed: true });
    expect(await l.take('SCJG', 1)).toMatchObject({ allowed: false });
    expect(await l.take('SPJ', 1)).toEqual({ allowed: true });
  });

  it('lets one batch bigger than the burst in, then makes the department wait out the debt', async () => {
    const l = replica();
    expect(await l.take('SPJ', 50)).toEqual({ allowed: true }); // 20 - 50 = -30 tokens
    expect(await l.take('SPJ', 1)).toEqual({ allowed: false, retryAfterSeconds: 4 }); // (1 + 30) / 10 s
    clock += 3_000;
    expect(await l.take('SPJ', 1)).toMatchObject({ allowed: false });
    clock += 1_000;
    expect(await l.take('SPJ', 1)).toEqual({ allowed: true });
  });

  it('never holds more than the burst however long it waited', async () => {
    const l = replica();
    clock += 3_600_000;
    expect(await l.take('SPJ', 20)).toEqual({ allowed: true });
    expect(await l.take('SPJ', 1)).toMatchObject({ allowed: false });
  });

  it('holds the department to one rate however many replicas it reaches', async () => {
    const replicas = [replica(), replica(), replica()];
    const admitted = async () => {
      let n = 0;
      for (let i = 0; i < 30; i++) if ((await replicas[i % 3].take('SPJ', 1)).allowed) n++;
      return n;
    };
    expect(await admitted()).toBe(20); // the burst, shared
    clock += 1_000;
    expect(await admitted()).toBe(10); // a second of the rate, shared
  });

  it('asks the shared bucket once per tenth of a second of the rate, not once per request', async () => {
    const l = replica(() => ({ rate: 100, burst: 200 }));
    for (let i = 0; i < 200; i++) expect(await l.take('SPJ', 1)).toEqual({ allowed: true });
    expect(buckets.leases).toBe(20); // leases of 10 tokens
  });

  it('asks the shared bucket once for the requests that come while a lease is being asked for', async () => {
    const l = replica(() => ({ rate: 100, burst: 200 }));
    const decisions = await Promise.all(Array.from({ length: 10 }, () => l.take('SPJ', 1)));
    expect(decisions).toEqual(Array.from({ length: 10 }, () => ({ allowed: true })));
    expect(buckets.leases).toBe(1); // one lease of 10 tokens for the ten
  });

  it('lets no more requests that come together through than the shared bucket holds', async () => {
    const l = replica();
    const decisions = await Promise.all([l.take('JGW', 1), l.take('JGW', 1), l.take('JGW', 1)]);
    expect(decisions).toEqual([
      { allowed: true },
      { allowed: false, retryAfterSeconds: 1 },
      { allowed: false, retryAfterSeconds: 1 },
    ]);
  });

  it('lets tokens a replica leased but did not spend lapse after a second, so they cannot pass the limit later', async () => {
    const l = replica(() => ({ rate: 100, burst: 200 }));
    expect(await l.take('SPJ', 1)).toEqual({ allowed: true }); // leased 10, holds 9
    clock += 1_000;
    expect(await l.take('SPJ', 1)).toEqual({ allowed: true });
    expect(buckets.leases).toBe(2); // the 9 it held had lapsed: it leased again
  });

  it('passes the store’s failure on and keeps what it held', async () => {
    const l = replica(() => ({ rate: 100, burst: 200 }));
    expect(await l.take('SPJ', 5)).toEqual({ allowed: true }); // leased 10, holds 5
    buckets.failing = true;
    await expect(l.take('SPJ', 6)).rejects.toThrow(/ECONNREFUSED/);
    expect(await l.take('SPJ', 5)).toEqual({ allowed: true }); // the 5 held, no lease needed
    expect(buckets.leases).toBe(2);
  });
});
