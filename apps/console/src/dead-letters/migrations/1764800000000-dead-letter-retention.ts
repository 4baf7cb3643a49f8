import { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@hub/messaging';

/**
 * When a dead letter's original was first on Kafka (replay is refused once that is older than the inbox keeps), why
 * the stored copy is not the original if it is not (then it is not replayed), and the index its retention prunes by.
 */
export class DeadLetterRetention1764800000000 implements MigrationInterface {
  name = 'DeadLetterRetention1764800000000';

  async up(runner: QueryRunner): Promise<void> {
    const s = schemaOf(runner);
    await runner.query(`ALTER TABLE "${s}"."dead_letter" ADD "original_at" timestamptz, ADD "incomplete" text`);
    await runner.query(`CREATE INDEX "dead_letter_received_at" ON "${s}"."dead_letter" ("received_at")`);
  }

  async down(runner: QueryRunner): Promise<void> {
    const s = schemaOf(runner);
    await runner.query(`DROP INDEX "${s}"."dead_letter_received_at"`);
    await runner.query(`ALTER TABLE "${s}"."dead_letter" DROP "incomplete", DROP "original_at"`);
  }
}
