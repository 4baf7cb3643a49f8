import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { ApprovalEnv } from '../approval.env';
import { LinkageService } from './linkage.service';

/**
 * Sends the push-deadline notices of unassigned approvals. Every replica runs it; rows are taken with
 * FOR UPDATE SKIP LOCKED, so each notice is sent by exactly one of them.
 */
@Injectable()
export class PushDeadlineScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(PushDeadlineScheduler.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;

  constructor(
    private readonly linkage: LinkageService,
    private readonly env: ApprovalEnv,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      if (this.running) return;
      this.running = this.tick().finally(() => (this.running = undefined));
    }, this.env.SCHEDULER_INTERVAL_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** Sends every notice due now, in rounds of 100. */
  async tick(): Promise<void> {
    try {
      while ((await this.linkage.sendDueNotices(100)) === 100);
    } catch (error) {
      this.logger.warn(`push-deadline notices failed, will retry: ${(error as Error).message}`);
    }
  }
}
