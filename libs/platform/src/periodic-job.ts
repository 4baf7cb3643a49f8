import { Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';

/**
 * Runs `tick` every `intervalMs` from boot, never two at once, and waits for the one in progress at shutdown.
 * Every replica runs it: a job must take its rows so that replicas do not collide (e.g. FOR UPDATE SKIP LOCKED).
 */
export abstract class PeriodicJob implements OnApplicationBootstrap, OnApplicationShutdown {
  protected readonly logger = new Logger(this.constructor.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;

  protected constructor(private readonly intervalMs: number) {}

  /** One round of work; a failure is logged and the next round tries again. */
  protected abstract work(): Promise<void>;

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      if (this.running) return;
      this.running = this.tick().finally(() => (this.running = undefined));
    }, this.intervalMs);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  async tick(): Promise<void> {
    try {
      await this.work();
    } catch (error) {
      this.logger.warn(`${this.constructor.name} failed, will retry: ${(error as Error).message}`);
    }
  }
}
