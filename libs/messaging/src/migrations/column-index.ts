import { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from './1764230400000-messaging-tables';

/**
 * A migration adding a one-column index. Not CONCURRENTLY: that waits for every transaction of the database, and
 * a second replica waiting for the migration lock is one, so replicas booting together would wait on each other for
 * ever. A plain build holds the table's writers back while it runs (seconds for millions of rows).
 */
export abstract class ColumnIndexMigration implements MigrationInterface {
  abstract readonly name: string;

  protected constructor(
    private readonly index: string,
    private readonly table: string,
    private readonly column: string,
  ) {}

  async up(runner: QueryRunner): Promise<void> {
    const s = schemaOf(runner);
    await runner.query(`CREATE INDEX "${this.index}" ON "${s}"."${this.table}" ("${this.column}")`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP INDEX "${schemaOf(runner)}"."${this.index}"`);
  }
}
