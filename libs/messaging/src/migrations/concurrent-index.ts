import { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from './1764230400000-messaging-tables';

/**
 * A migration adding a one-column index to a table that may already be large and written to by the replicas still
 * running: built CONCURRENTLY, which needs no transaction and does not block writes. A build that failed leaves
 * an invalid index behind; the migration, not recorded, runs again and drops it first.
 */
export abstract class ConcurrentIndexMigration implements MigrationInterface {
  abstract readonly name: string;
  readonly transaction = false;

  protected constructor(
    private readonly index: string,
    private readonly table: string,
    private readonly column: string,
  ) {}

  async up(runner: QueryRunner): Promise<void> {
    const s = schemaOf(runner);
    await runner.query(`DROP INDEX CONCURRENTLY IF EXISTS "${s}"."${this.index}"`);
    await runner.query(`CREATE INDEX CONCURRENTLY "${this.index}" ON "${s}"."${this.table}" ("${this.column}")`);
  }

  // undoLastMigration runs down() in a transaction whatever `transaction` says; dropping is quick anyway.
  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP INDEX "${schemaOf(runner)}"."${this.index}"`);
  }
}
