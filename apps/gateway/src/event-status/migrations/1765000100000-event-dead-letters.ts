import { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@hub/messaging';

/** The consumers' dead letters of accepted events, for their publishers. */
export class EventDeadLetters1765000100000 implements MigrationInterface {
  name = 'EventDeadLetters1765000100000';

  async up(runner: QueryRunner): Promise<void> {
    const s = schemaOf(runner);
    await runner.query(`CREATE TABLE "${s}"."event_dead_letter" (
      "dlq_topic" text NOT NULL,
      "dlq_partition" integer NOT NULL,
      "dlq_offset" bigint NOT NULL,
      "source" text NOT NULL,
      "event_id" text NOT NULL,
      "department" text NOT NULL,
      "type" text NOT NULL,
      "consumer" text NOT NULL,
      "reason" text NOT NULL,
      "errors" jsonb,
      "attempts" integer NOT NULL,
      "original_topic" text NOT NULL,
      "original_partition" integer NOT NULL,
      "original_offset" bigint NOT NULL,
      "dead_lettered_at" timestamptz NOT NULL,
      PRIMARY KEY ("dlq_topic", "dlq_partition", "dlq_offset"))`);
    await runner.query(`CREATE INDEX "event_dead_letter_event" ON "${s}"."event_dead_letter" ("event_id", "source")`);
    await runner.query(
      `CREATE INDEX "event_dead_letter_department" ON "${s}"."event_dead_letter" ("department", "dead_lettered_at")`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE "${schemaOf(runner)}"."event_dead_letter"`);
  }
}
