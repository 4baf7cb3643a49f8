import { Injectable } from '@nestjs/common';
import { PeriodicJob } from '@hub/platform';
import { ApprovalEnv } from '../approval.env';
import { LinkageService } from './linkage.service';

/**
 * Sends the push-deadline notices of unassigned approvals. Every replica runs it; rows are taken with
 * FOR UPDATE SKIP LOCKED, so each notice is sent by exactly one of them.
 */
@Injectable()
export class PushDeadlineScheduler extends PeriodicJob {
  constructor(
    private readonly linkage: LinkageService,
    env: ApprovalEnv,
  ) {
    super(env.SCHEDULER_INTERVAL_MS);
  }

  /** Sends every notice due now, in rounds of 100. */
  protected async work(): Promise<void> {
    while ((await this.linkage.sendDueNotices(100)) === 100);
  }
}
