import { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@hub/messaging';

export class DeadLetters1764230600000 implements MigrationInterface {
  name = 'DeadLetters1764230600000';

  async up(runner: QueryRunner): Promise<void> {
    const s = schemaOf(runner);
    await runner.query(`CREATE TABLE "${s}"."dead_letter" (
      "id" BIGSERIAL PRIMARY KEY,
      "dlq_topic" text NOT NULL,
      "dlq_partition" int NOT NULL,
      "dlq_offset" bigint NOT NULL,
      "consumer" text NOT NULL,
      "original_topic" text NOT NULL,
      "original_partition" int NOT NULL,
      "original_offset" bigint NOT NULL,
      "reason" text NOT NULL,
      "attempts" int NOT NULL,
      "key" text,
      "headers" jsonb NOT NULL,
      "value_base64" text NOT NULL,
      "received_at" timestamptz NOT NULL DEFAULT now())`);
    await runner.query(
      `CREATE UNIQUE INDEX "dead_letter_origin" ON "${s}"."dead_letter"
       ("consumer", "original_topic", "original_partition", "original_offset")`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE "${schemaOf(runner)}"."dead_letter"`);
  }
}
