import { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@hub/messaging';

/** The departments' rate buckets, shared by the gateway replicas. */
export class RateBuckets1764700000000 implements MigrationInterface {
  name = 'RateBuckets1764700000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE "${schemaOf(runner)}"."rate_bucket" (
      "department" text PRIMARY KEY,
      "tokens" double precision NOT NULL,
      "refilled_at" timestamptz NOT NULL)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE "${schemaOf(runner)}"."rate_bucket"`);
  }
}
