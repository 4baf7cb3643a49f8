import { createHash } from 'node:crypto';
import type { PoolClient } from 'pg';
import { EntityManager } from 'typeorm';

/** A statement's text and the name it is prepared under on each connection. */
export interface PreparedStatement {
  readonly name: string;
  readonly text: string;
}

/**
 * A statement PostgreSQL parses and plans once per connection, then only binds and executes. For a long statement
 * run many times a second (the gateway's intake is a data-modifying WITH of five parts) parsing and planning it
 * each time costs the database more than running it, and sending its text costs the client. Build it once, when the
 * text is known (the schema is part of it); the name comes from the text, so two texts never share a name.
 */
export function preparedStatement(text: string): PreparedStatement {
  return { name: `hub_${createHash('sha256').update(text).digest('hex').slice(0, 24)}`, text };
}

/**
 * Runs a prepared statement in the manager's transaction when it has one, else on a pooled connection of its own
 * (the statement then commits on its own). Errors are node-postgres' own, with PostgreSQL's `code`.
 */
export async function runPrepared<R>(
  manager: EntityManager,
  statement: PreparedStatement,
  values: readonly unknown[],
): Promise<R[]> {
  const runner = manager.queryRunner ?? manager.connection.createQueryRunner();
  const client = (await runner.connect()) as PoolClient;
  try {
    const result = await client.query<R & object>({ name: statement.name, text: statement.text, values: [...values] });
    return result.rows;
  } finally {
    if (!manager.queryRunner) await runner.release();
  }
}
