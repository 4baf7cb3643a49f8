import { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@hub/messaging';

/** A claim that arrives before its push is held on the push's row until the push comes or the hold runs out. */
export class SupervisionHeldClaims1765000000000 implements MigrationInterface {
  name = 'SupervisionHeldClaims1765000000000';

  async up(runner: QueryRunner): Promise<void> {
    const s = schemaOf(runner);
    await runner.query(`ALTER TABLE "${s}"."push"
      ADD COLUMN "held_claim_id" text,
      ADD COLUMN "held_by" text,
      ADD COLUMN "held_channel" text,
      ADD COLUMN "held_at" timestamptz,
      ADD COLUMN "held_until" timestamptz`);
    await runner.query(`CREATE INDEX "push_held_until" ON "${s}"."push" ("held_until") WHERE "state" = 'held'`);
  }

  async down(runner: QueryRunner): Promise<void> {
    const s = schemaOf(runner);
    await runner.query(`DROP INDEX "${s}"."push_held_until"`);
    await runner.query(`ALTER TABLE "${s}"."push"
      DROP COLUMN "held_claim_id", DROP COLUMN "held_by", DROP COLUMN "held_channel",
      DROP COLUMN "held_at", DROP COLUMN "held_until"`);
  }
}
