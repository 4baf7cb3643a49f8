import { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';

/**
 * Set-based writes of whole entities: one statement for any number of rows, each column passed as one array
 * parameter and unnested. A round trip costs far more than the SQL here (and TypeORM's insert builder costs more CPU
 * than the statement), so writers of batches use these instead of an insert per row or a generated VALUES list.
 */
export interface SetWriteOptions {
  /** The conflict clause, e.g. `ON CONFLICT DO NOTHING`; none by default (a conflict fails the statement). */
  onConflict?: string;
  /** Columns to return, e.g. `approval_id` (RETURNING); nothing by default. */
  returning?: string;
}

/** Inserts the entities in one statement; returns the rows of `returning`, if asked. */
export async function insertSet<T extends ObjectLiteral, R = Record<string, unknown>>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  rows: readonly Partial<T>[],
  options: SetWriteOptions = {},
): Promise<R[]> {
  if (rows.length === 0) return [];
  const metadata = manager.connection.getMetadata(entity);
  const columns = metadata.columns.filter((c) => rows.some((r) => c.getEntityValue(r) !== undefined));
  const names = columns.map((c) => `"${c.databaseName}"`).join(', ');
  const result: unknown = await manager.query(
    `INSERT INTO ${metadata.tablePath} (${names})
     SELECT * FROM unnest(${columns.map((c, i) => `$${i + 1}::${arrayType(c)}`).join(', ')})
     ${options.onConflict ?? ''} ${options.returning ? `RETURNING ${options.returning}` : ''}`,
    columns.map((c) => rows.map((r) => toParameter(c, r))),
  );
  return options.returning ? (result as R[]) : [];
}

/**
 * Updates the rows found by `keys` (entity property names) with the other properties each gives: one statement for
 * all the rows that give the same properties. Returns how many rows changed.
 */
export async function updateSet<T extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  keys: readonly (keyof T & string)[],
  rows: readonly Partial<T>[],
): Promise<number> {
  const shapes = new Map<string, Partial<T>[]>();
  for (const row of rows) {
    const shape = Object.keys(row)
      .filter((p) => row[p] !== undefined)
      .sort()
      .join(',');
    shapes.set(shape, [...(shapes.get(shape) ?? []), row]);
  }
  let changed = 0;
  for (const [shape, same] of shapes) changed += await updateShape(manager, entity, keys, shape.split(','), same);
  return changed;
}

async function updateShape<T extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  keys: readonly string[],
  properties: readonly string[],
  rows: readonly Partial<T>[],
): Promise<number> {
  const metadata = manager.connection.getMetadata(entity);
  const columnOf = (property: string): ColumnMetadata => {
    const column = metadata.findColumnWithPropertyName(property);
    if (!column) throw new Error(`${metadata.name} has no column ${property}`);
    return column;
  };
  const keyColumns = keys.map(columnOf);
  const setColumns = properties.filter((p) => !keys.includes(p)).map(columnOf);
  if (setColumns.length === 0) return 0;
  const all = [...keyColumns, ...setColumns];
  const alias = (i: number) => `c${i}`;
  const result: unknown = await manager.query(
    `UPDATE ${metadata.tablePath} AS t
        SET ${setColumns.map((c, i) => `"${c.databaseName}" = u.${alias(i + keyColumns.length)}`).join(', ')}
       FROM unnest(${all.map((c, i) => `$${i + 1}::${arrayType(c)}`).join(', ')}) AS u(${all.map((_, i) => alias(i)).join(', ')})
      WHERE ${keyColumns.map((c, i) => `t."${c.databaseName}" = u.${alias(i)}`).join(' AND ')}`,
    all.map((c) => rows.map((r) => toParameter(c, r))),
  );
  // TypeORM answers an UPDATE as [rows, count].
  return Array.isArray(result) && typeof result[1] === 'number' ? result[1] : 0;
}

function arrayType(column: ColumnMetadata): string {
  const type = typeof column.type === 'string' ? column.type : 'text';
  if (type === 'char' || type === 'character') return 'text[]';
  return `${type}[]`;
}

function toParameter(column: ColumnMetadata, row: ObjectLiteral): unknown {
  const value: unknown = column.getEntityValue(row);
  if (value === undefined || value === null) return null;
  return column.type === 'jsonb' || column.type === 'json' ? JSON.stringify(value) : value;
}
