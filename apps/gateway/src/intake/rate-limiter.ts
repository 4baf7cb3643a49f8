export interface RateLimit {
  /** Events per second. */
  readonly rate: number;
  /** Events that may come at once. */
  readonly burst: number;
}

export type RateDecision = { readonly allowed: true } | { readonly allowed: false; readonly retryAfterSeconds: number };

interface Bucket {
  tokens: number;
  at: number;
}

/**
 * A token bucket per department, in this replica's memory (the limit applies per replica). A request is let in
 * while the department's bucket is not empty and takes one token per event, so a batch larger than the burst
 * still passes once and then waits out its debt; an empty bucket answers how many seconds until it is not.
 */
export class DepartmentRateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    private readonly limitOf: (department: string) => RateLimit,
    private readonly now: () => number = () => Date.now(),
  ) {}

  take(department: string, events: number): RateDecision {
    const { rate, burst } = this.limitOf(department);
    const now = this.now();
    const bucket = this.buckets.get(department) ?? { tokens: burst, at: now };
    bucket.tokens = Math.min(burst, bucket.tokens + ((now - bucket.at) / 1000) * rate);
    bucket.at = now;
    this.buckets.set(department, bucket);
    if (bucket.tokens <= 0) {
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / rate)) };
    }
    bucket.tokens -= events;
    return { allowed: true };
  }
}
