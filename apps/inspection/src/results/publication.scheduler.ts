import { Injectable } from '@nestjs/common';
import { PeriodicJob } from '@hub/platform';
import { InspectionEnv } from '../inspection.env';
import { NoticeOverdue } from './use-cases/notice-overdue/notice-overdue.use-case';

/** Looks for results past their publication deadline; every replica runs it, each result is taken by one. */
@Injectable()
export class PublicationScheduler extends PeriodicJob {
  constructor(
    private readonly noticeOverdue: NoticeOverdue,
    env: InspectionEnv,
  ) {
    super(env.SCHEDULER_INTERVAL_MS);
  }

  protected async work(): Promise<void> {
    while ((await this.noticeOverdue.send(100)) === 100);
  }
}
