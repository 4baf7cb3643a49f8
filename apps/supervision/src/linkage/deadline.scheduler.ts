import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { SupervisionEnv } from '../supervision.env';
import { LedgersService } from './ledgers.service';
import { SupervisionService } from './supervision.service';

/**
 * Sends claim and supervision deadline notices and refreshes the linkage gauges. Every replica runs it; rows are
 * taken with FOR UPDATE SKIP LOCKED, so each notice is sent by exactly one of them.
 */
@Injectable()
export class DeadlineScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(DeadlineScheduler.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;

  constructor(
    private readonly supervision: SupervisionService,
    private readonly ledgers: LedgersService,
    private readonly env: SupervisionEnv,
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

  async tick(): Promise<void> {
    try {
      while ((await this.supervision.sendDueNotices(100)) === 100);
      await this.ledgers.refreshMetrics();
    } catch (error) {
      this.logger.warn(`deadline notices failed, will retry: ${(error as Error).message}`);
    }
  }
}
