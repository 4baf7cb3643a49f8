import { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@hub/messaging';

/** What an operator did about a dead letter: replayed it, discarded it, or nothing yet (open). */
export class DeadLetterStatus1764600000000 implements MigrationInterface {
  name = 'DeadLetterStatus1764600000000';

  async up(runner: QueryRunner): Promise<void> {
    const s = schemaOf(runner);
    await runner.query(`ALTER TABLE "${s}"."dead_letter"
      ADD "status" text NOT NULL DEFAULT 'open',
      ADD "resolved_at" timestamptz,
      ADD "resolved_by" text,
      ADD "note" text,
      ADD CONSTRAINT "dead_letter_status" CHECK ("status" IN ('open', 'replayed', 'discarded'))`);
    await runner.query(`CREATE INDEX "dead_letter_by_status" ON "${s}"."dead_letter" ("status", "id")`);
  }

  async down(runner: QueryRunner): Promise<void> {
    const s = schemaOf(runner);
    await runner.query(`DROP INDEX "${s}"."dead_letter_by_status"`);
    await runner.query(`ALTER TABLE "${s}"."dead_letter"
      DROP CONSTRAINT "dead_letter_status", DROP "note", DROP "resolved_by", DROP "resolved_at", DROP "status"`);
  }
}
