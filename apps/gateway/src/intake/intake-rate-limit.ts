import { Injectable } from '@nestjs/common';
import { ProblemException } from '@hub/platform';
import { serviceUnavailable } from '../auth/auth-problems';
import { isDatabaseUnavailable } from '../auth/database-unavailable';
import { RefusalsService } from '../auth/refusals.service';
import { GatewayEnv } from '../gateway.env';
import type { Publisher } from './intake.service';
import { RateBucketsRepository } from './rate-buckets.repository';
import { DepartmentRateLimiter, RateDecision } from './rate-limiter';

/**
 * The per-department event rate at the door (GATEWAY_RATE_LIMIT, GATEWAY_RATE_BURST, GATEWAY_RATE_LIMITS), for the
 * zone: every replica draws on one bucket per department.
 */
@Injectable()
export class IntakeRateLimit {
  private readonly limiter: DepartmentRateLimiter;

  constructor(
    env: GatewayEnv,
    private readonly refusals: RefusalsService,
    buckets: RateBucketsRepository,
  ) {
    const overrides = env.rateOverrides;
    this.limiter = new DepartmentRateLimiter((department) => {
      const rate = overrides.get(department);
      return rate === undefined
        ? { rate: env.GATEWAY_RATE_LIMIT, burst: env.GATEWAY_RATE_BURST }
        : { rate, burst: 2 * rate };
    }, buckets);
  }

  /** Takes `events` from the publisher's department, or throws 429 with Retry-After (503 without the database). */
  async check(publisher: Publisher, events: number): Promise<void> {
    const decision = await this.decide(publisher, events);
    if (decision.allowed) return;
    const detail = `${publisher.department} is over its rate of events; retry after ${decision.retryAfterSeconds} s`;
    this.refusals.refused({
      channel: 'http',
      department: publisher.department,
      problem: 'rate-limited',
      status: 429,
      detail,
      accessKeyId: publisher.accessKeyId ?? undefined,
    });
    throw new ProblemException(429, 'rate-limited', detail, undefined, {
      'Retry-After': String(decision.retryAfterSeconds),
    });
  }

  private async decide(publisher: Publisher, events: number): Promise<RateDecision> {
    try {
      return await this.limiter.take(publisher.department, events);
    } catch (error) {
      if (!isDatabaseUnavailable(error)) throw error;
      const detail =
        'the hub cannot check the rate of events right now; nothing of this request was accepted: retry it';
      this.refusals.refused({
        channel: 'http',
        department: publisher.department,
        problem: 'unavailable',
        status: 503,
        detail: (error as Error).message,
        accessKeyId: publisher.accessKeyId ?? undefined,
      });
      throw serviceUnavailable(detail);
    }
  }
}
