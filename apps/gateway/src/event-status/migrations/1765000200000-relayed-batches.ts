import { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@hub/messaging';

/** Where the relay put each accepted event: one row per batch Kafka acknowledged. */
export class RelayedBatches1765000200000 implements MigrationInterface {
  name = 'RelayedBatches1765000200000';

  async up(runner: QueryRunner): Promise<void> {
    const s = schemaOf(runner);
    await runner.query(`CREATE TABLE "${s}"."relayed_batch" (
      "id" BIGSERIAL PRIMARY KEY,
      "relayed_at" timestamptz NOT NULL DEFAULT now(),
      "hub_ids" text[] NOT NULL,
      "topics" text[] NOT NULL,
      "keys" text[] NOT NULL,
      "written" jsonb NOT NULL)`);
    await runner.query(`CREATE INDEX "relayed_batch_relayed_at" ON "${s}"."relayed_batch" ("relayed_at")`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE "${schemaOf(runner)}"."relayed_batch"`);
  }
}
