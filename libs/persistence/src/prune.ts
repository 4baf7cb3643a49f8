import { DataSource, EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

export interface Pruned {
  rows: number;
  /** Statements run: a batch that came back full is followed by another. */
  batches: number;
}

/**
 * Deletes in bounded batches until a batch comes back short, each batch in its own transaction under
 * `pg_try_advisory_xact_lock(hashtext(lockKey))`, so that no statement holds its row locks for long and one replica
 * prunes at a time. `deleteBatch` deletes at most `batchSize` rows and says how many it deleted (the largest count
 * when it deletes from several tables). Undefined when another session was pruning under the same key.
 */
export async function pruneInBatches(
  dataSource: Pick<DataSource, 'transaction'>,
  lockKey: string,
  batchSize: number,
  deleteBatch: (manager: EntityManager, limit: number) => Promise<number>,
): Promise<Pruned | undefined> {
  const pruned: Pruned = { rows: 0, batches: 0 };
  for (;;) {
    const deleted = await dataSource.transaction(async (manager) => {
      const [{ locked }] = await manager.query<{ locked: boolean }[]>(
        `SELECT pg_try_advisory_xact_lock(hashtext($1)) AS locked`,
        [lockKey],
      );
      return locked ? deleteBatch(manager, batchSize) : undefined;
    });
    if (deleted === undefined) return pruned.batches === 0 ? undefined : pruned;
    pruned.rows += deleted;
    pruned.batches++;
    if (deleted < batchSize) return pruned;
  }
}

/**
 * Deletes up to `limit` rows of `entity` whose `timestamp` is more than `hours` before the database's clock, by
 * primary key; returns how many it deleted. Wants an index on the timestamp column, or every batch scans the table.
 */
export async function deleteOlderThan<T extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  timestamp: keyof T & string,
  hours: number,
  limit: number,
): Promise<number> {
  const metadata = manager.connection.getMetadata(entity);
  const table = metadata.tablePath;
  const column = metadata.findColumnWithPropertyName(timestamp);
  if (!column) throw new Error(`${metadata.name} has no column ${timestamp}`);
  const keys = metadata.primaryColumns.map((c) => `"${c.databaseName}"`).join(', ');
  const [, count] = await manager.query<[unknown[], number]>(
    `DELETE FROM ${table} WHERE (${keys}) IN (
       SELECT ${keys} FROM ${table} WHERE "${column.databaseName}" < now() - make_interval(hours => $1) LIMIT $2)`,
    [hours, limit],
  );
  return count;
}
