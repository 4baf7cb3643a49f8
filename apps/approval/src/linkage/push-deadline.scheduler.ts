import { Injectable } from '@nestjs/common';
import { PeriodicJob } from '@hub/platform';
import { ApprovalEnv } from '../approval.env';
import { SendDueNotices } from './use-cases/send-due-notices/send-due-notices.use-case';

/**
 * Sends the push-deadline notices of unassigned approvals. Every replica runs it; rows are taken with
 * FOR UPDATE SKIP LOCKED, so each notice is sent by exactly one of them.
 */
@Injectable()
export class PushDeadlineScheduler extends PeriodicJob {
  constructor(
    private readonly sendDueNotices: SendDueNotices,
    env: ApprovalEnv,
  ) {
    super(env.SCHEDULER_INTERVAL_MS);
  }

  /** Sends every notice due now, in rounds of 100. */
  protected async work(): Promise<void> {
    while ((await this.sendDueNotices.send(100)) === 100);
  }
}
