import { DataSource } from 'typeorm';
import { HubEnv } from '@hub/config';
import { InboxEntry } from '@hub/messaging';
import { HubMetrics } from '@hub/observability';
import { RetentionJob } from './retention.job';

/** Forgets, after INBOX_RETENTION_HOURS, which events the app's consumer has applied; every hub app runs it. */
export class InboxRetention extends RetentionJob<InboxEntry> {
  constructor(dataSource: DataSource, env: HubEnv, metrics: HubMetrics, batchSize?: number) {
    super(dataSource, {
      entity: InboxEntry,
      timestamp: 'appliedAt',
      // A redelivery after its row is gone applies again: keep rows longer than any redelivery expected.
      hours: env.INBOX_RETENTION_HOURS,
      pruned: metrics.inboxPruned,
      rows: 'inbox rows',
      batchSize,
    });
  }
}
