import { Injectable } from '@nestjs/common';
import { PeriodicJob } from '@hub/platform';
import { SupervisionEnv } from '../supervision.env';
import { LedgersService } from './ledgers.service';
import { SupervisionService } from './supervision.service';

/**
 * Refuses claims held past the claim limit, sends claim and supervision deadline notices and refreshes the linkage
 * gauges. Every replica runs it; rows are taken with FOR UPDATE SKIP LOCKED, so each refusal and notice is sent by
 * exactly one of them.
 */
@Injectable()
export class DeadlineScheduler extends PeriodicJob {
  constructor(
    private readonly supervision: SupervisionService,
    private readonly ledgers: LedgersService,
    env: SupervisionEnv,
  ) {
    super(env.SCHEDULER_INTERVAL_MS);
  }

  protected async work(): Promise<void> {
    while ((await this.supervision.refuseExpiredHolds(100)) === 100);
    while ((await this.supervision.sendDueNotices(100)) === 100);
    await this.ledgers.refreshMetrics();
  }
}
