import { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@hub/messaging';

export class Entitlements1764400000000 implements MigrationInterface {
  name = 'Entitlements1764400000000';

  async up(runner: QueryRunner): Promise<void> {
    const s = schemaOf(runner);
    await runner.query(`CREATE TABLE "${s}"."entitlement" (
      "department" text NOT NULL,
      "event_type" text NOT NULL,
      "granted_at" timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY ("department", "event_type"))`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE "${schemaOf(runner)}"."entitlement"`);
  }
}
