import { Injectable } from '@nestjs/common';
import { PeriodicJob } from '@hub/platform';
import { RegistryEnv } from '../registry.env';
import { WatchSealWindows } from './use-cases/watch-seal-windows/watch-seal-windows.use-case';

/** Raises the alerts of enterprises established without their seals in time; every replica runs it. */
@Injectable()
export class RegistryScheduler extends PeriodicJob {
  constructor(
    private readonly sealWindows: WatchSealWindows,
    env: RegistryEnv,
  ) {
    super(env.SCHEDULER_INTERVAL_MS);
  }

  protected async work(): Promise<void> {
    while ((await this.sealWindows.watch(100)) === 100);
  }
}
