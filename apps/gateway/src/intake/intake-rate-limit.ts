import { Injectable } from '@nestjs/common';
import { ProblemException } from '@hub/platform';
import { RefusalsService } from '../auth/refusals.service';
import { GatewayEnv } from '../gateway.env';
import type { Publisher } from './intake.service';
import { DepartmentRateLimiter } from './rate-limiter';

/** The per-department event rate at the door (GATEWAY_RATE_LIMIT, GATEWAY_RATE_BURST, GATEWAY_RATE_LIMITS). */
@Injectable()
export class IntakeRateLimit {
  private readonly limiter: DepartmentRateLimiter;

  constructor(
    env: GatewayEnv,
    private readonly refusals: RefusalsService,
  ) {
    const overrides = env.rateOverrides;
    this.limiter = new DepartmentRateLimiter((department) => {
      const rate = overrides.get(department);
      return rate === undefined
        ? { rate: env.GATEWAY_RATE_LIMIT, burst: env.GATEWAY_RATE_BURST }
        : { rate, burst: 2 * rate };
    });
  }

  /** Takes `events` from the publisher's department, or throws 429 with Retry-After. */
  check(publisher: Publisher, events: number): void {
    const decision = this.limiter.take(publisher.department, events);
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
}
