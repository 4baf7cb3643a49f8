import { Counter } from 'prom-client';
import { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';
import { Pruned, deleteOlderThan, pruneInBatches } from '@hub/persistence';
import { PeriodicJob } from './periodic-job';

/** How often a replica looks for expired rows. */
export const RETENTION_EVERY_MS = 10 * 60_000;
/** Rows per DELETE: each statement's locks are short, however much has piled up. */
export const RETENTION_BATCH = 5_000;

export interface Retention<T extends ObjectLiteral> {
  entity: EntityTarget<T>;
  /** The timestamp a row's age counts from; it wants an index. */
  timestamp: keyof T & string;
  /** How long rows are kept; 0 keeps them for ever. */
  hours: number;
  /** Counts the rows deleted (on /metrics). */
  pruned: Counter;
  /** What the rows are, for the log: "inbox rows". */
  rows: string;
  batchSize?: number;
}

/**
 * Deletes the rows of one table older than its retention period. Every replica runs it; an advisory lock per table
 * (and so per schema) lets one of them prune at a time while the others skip the round.
 */
export class RetentionJob<T extends ObjectLiteral> extends PeriodicJob {
  constructor(
    private readonly dataSource: DataSource,
    private readonly retention: Retention<T>,
    intervalMs = RETENTION_EVERY_MS,
  ) {
    super(intervalMs);
  }

  protected async work(): Promise<void> {
    await this.prune();
  }

  /** The advisory lock's key: the table, with its schema. */
  get lockKey(): string {
    return `${this.dataSource.getMetadata(this.retention.entity).tablePath}:retention`;
  }

  /** One round: undefined when retention is off or another replica is pruning. */
  async prune(): Promise<Pruned | undefined> {
    const { entity, timestamp, hours, rows } = this.retention;
    if (hours === 0) return undefined;
    const pruned = await pruneInBatches(
      this.dataSource,
      this.lockKey,
      this.retention.batchSize ?? RETENTION_BATCH,
      (m, limit) => deleteOlderThan(m, entity, timestamp, hours, limit),
    );
    if (pruned && pruned.rows > 0) {
      this.retention.pruned.inc(pruned.rows);
      this.logger.log(`pruned ${pruned.rows} ${rows} older than ${hours} h in ${pruned.batches} batch(es)`);
    }
    return pruned;
  }
}
