import { DataSource } from 'typeorm';
import { HubEnv } from '@hub/config';
import { HubMetrics } from '@hub/observability';
import { RetentionJob } from '@hub/platform';
import { DeadLetter } from './entities/dead-letter.entity';

/**
 * Deletes dead letters, whatever their status, DEAD_LETTER_RETENTION_HOURS after they were received: past it a
 * letter could not be replayed anyway (DeadLettersService), and its original stays on Kafka for its own retention.
 */
export class DeadLetterRetention extends RetentionJob<DeadLetter> {
  constructor(dataSource: DataSource, env: HubEnv, metrics: HubMetrics, batchSize?: number) {
    super(dataSource, {
      entity: DeadLetter,
      timestamp: 'receivedAt',
      hours: env.DEAD_LETTER_RETENTION_HOURS,
      pruned: metrics.deadLettersPruned,
      rows: 'dead letters',
      batchSize,
    });
  }
}
