export interface RateLimit {
  /** Events per second. */
  readonly rate: number;
  /** Events that may come at once. */
  readonly burst: number;
}

export type RateDecision = { readonly allowed: true } | { readonly allowed: false; readonly retryAfterSeconds: number };

/** A department's shared bucket as stored: its tokens when last refilled, and when that was. */
export interface BucketState {
  readonly tokens: number;
  readonly refilledAtMs: number;
}

/** What a lease took from a shared bucket: `granted` tokens (0 when it held less than one) and its level before. */
export interface Lease {
  readonly granted: number;
  readonly level: number;
}

/** The departments' buckets, shared by every gateway replica (PostgreSQL: rate-buckets.repository.ts). */
export interface RateBuckets {
  /** Takes tokens from the department's bucket as {@link leaseFrom} says, atomically. */
  lease(department: string, limit: RateLimit, need: number, want: number): Promise<Lease>;
}

/**
 * The token bucket's rule, applied to the shared state under its lock: refill for the time passed (never above the
 * burst); if the bucket holds a whole token, take at least `need` (a request larger than what is left still passes
 * once and leaves a debt) and at most `want`; if it does not, take nothing.
 */
export function leaseFrom(
  bucket: BucketState | undefined,
  { rate, burst }: RateLimit,
  need: number,
  want: number,
  nowMs: number,
): { lease: Lease; bucket: BucketState } {
  const level = bucket
    ? Math.min(burst, bucket.tokens + (Math.max(0, nowMs - bucket.refilledAtMs) / 1000) * rate)
    : burst;
  const granted = level >= 1 ? Math.max(need, Math.min(want, level)) : 0;
  return { lease: { granted, level }, bucket: { tokens: level - granted, refilledAtMs: nowMs } };
}

/** How long tokens leased to this replica stay usable: long unused, they would let a burst past the shared limit. */
const HOLD_MS = 1_000;

interface Held {
  tokens: number;
  untilMs: number;
}

/**
 * A token bucket per department, shared by all gateway replicas: the rate is the zone's, not a replica's. A
 * replica leases tokens from the shared bucket a tenth of a second's worth at a time (so under full load the
 * database is asked about ten times a second per department and replica) and spends them locally; what it has not
 * spent within a second lapses. Requests that find the replica's tokens spent while a lease is being asked for wait
 * for it rather than asking too. A request is let in while the department's shared bucket holds a token and takes
 * one token per event, so a batch larger than the burst still passes once and then waits out its debt; an empty
 * bucket answers how many seconds until it holds one.
 */
export class DepartmentRateLimiter {
  private readonly held = new Map<string, Held>();
  /** The lease being asked for, per department: concurrent requests wait for it instead of asking again. */
  private readonly leasing = new Map<string, Promise<void>>();

  constructor(
    private readonly limitOf: (department: string) => RateLimit,
    private readonly buckets: RateBuckets,
    private readonly now: () => number = () => Date.now(),
  ) {}

  async take(department: string, events: number): Promise<RateDecision> {
    for (;;) {
      if (this.balance(department) >= events) {
        this.adjust(department, -events, false);
        return { allowed: true };
      }
      const pending = this.leasing.get(department);
      if (pending === undefined) break;
      await pending;
    }
    const balance = this.balance(department);
    // What is held goes to this request now, before the lease is awaited, so that no other request spends it too.
    this.adjust(department, -balance, false);
    const limit = this.limitOf(department);
    const need = events - balance;
    const asked = this.buckets.lease(department, limit, need, Math.max(need, leaseSize(limit)));
    const settled = asked.then(
      () => undefined,
      () => undefined,
    );
    this.leasing.set(department, settled);
    let lease: Lease;
    try {
      lease = await asked;
    } catch (error) {
      this.adjust(department, balance, false);
      throw error;
    } finally {
      if (this.leasing.get(department) === settled) this.leasing.delete(department);
    }
    if (lease.granted === 0) {
      this.adjust(department, balance, false);
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - lease.level) / limit.rate)) };
    }
    this.adjust(department, lease.granted - need, true);
    return { allowed: true };
  }

  /** Tokens this replica holds for the department, unless they lapsed. */
  private balance(department: string): number {
    const held = this.held.get(department);
    return held && held.untilMs > this.now() ? held.tokens : 0;
  }

  private adjust(department: string, delta: number, leased: boolean): void {
    const held = this.held.get(department);
    const untilMs = leased || !held ? this.now() + HOLD_MS : held.untilMs;
    this.held.set(department, { tokens: this.balance(department) + delta, untilMs });
  }
}

/** A tenth of a second of the rate, at least one token, at most the burst. */
function leaseSize({ rate, burst }: RateLimit): number {
  return Math.max(1, Math.min(burst, Math.ceil(rate / 10)));
}
