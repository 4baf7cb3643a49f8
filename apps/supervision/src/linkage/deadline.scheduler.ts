import { Injectable } from '@nestjs/common';
import { PeriodicJob } from '@hub/platform';
import { SupervisionEnv } from '../supervision.env';
import { ReadLedgers } from './use-cases/read-ledgers/read-ledgers.use-case';
import { RefuseExpiredHolds } from './use-cases/refuse-expired-holds/refuse-expired-holds.use-case';
import { SendDueNotices } from './use-cases/send-due-notices/send-due-notices.use-case';

/**
 * Refuses claims held past the claim limit, sends claim and supervision deadline notices and refreshes the linkage
 * gauges. Every replica runs it; rows are taken with FOR UPDATE SKIP LOCKED, so each refusal and notice is sent by
 * exactly one of them.
 */
@Injectable()
export class DeadlineScheduler extends PeriodicJob {
  constructor(
    private readonly refuseExpiredHolds: RefuseExpiredHolds,
    private readonly sendDueNotices: SendDueNotices,
    private readonly ledgers: ReadLedgers,
    env: SupervisionEnv,
  ) {
    super(env.SCHEDULER_INTERVAL_MS);
  }

  protected async work(): Promise<void> {
    while ((await this.refuseExpiredHolds.refuse(100)) === 100);
    while ((await this.sendDueNotices.send(100)) === 100);
    await this.ledgers.refreshMetrics();
  }
}
