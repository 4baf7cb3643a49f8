import { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@hub/messaging';

/**
 * When the hub accepted each kept event, so that a department is sent only what came after its grant. Events kept
 * before count from when they were recorded: the nearest time known, a little after their acceptance.
 */
export class DeliveryEventAcceptedAt1765300100000 implements MigrationInterface {
  name = 'DeliveryEventAcceptedAt1765300100000';

  async up(runner: QueryRunner): Promise<void> {
    const s = schemaOf(runner);
    await runner.query(`ALTER TABLE "${s}"."delivery_event" ADD COLUMN "accepted_at" timestamptz`);
    await runner.query(`UPDATE "${s}"."delivery_event" SET "accepted_at" = "recorded_at"`);
    await runner.query(`ALTER TABLE "${s}"."delivery_event" ALTER COLUMN "accepted_at" SET NOT NULL`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE "${schemaOf(runner)}"."delivery_event" DROP COLUMN "accepted_at"`);
  }
}
