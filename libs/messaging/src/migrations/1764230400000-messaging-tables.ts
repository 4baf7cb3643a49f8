import { MigrationInterface, QueryRunner } from 'typeorm';

/** The outbox and inbox every app keeps in its own schema. */
export class MessagingTables1764230400000 implements MigrationInterface {
  name = 'MessagingTables1764230400000';

  async up(runner: QueryRunner): Promise<void> {
    const s = schemaOf(runner);
    await runner.query(`CREATE TABLE "${s}"."outbox" (
      "position" BIGSERIAL PRIMARY KEY,
      "event_id" text NOT NULL,
      "topic" text NOT NULL,
      "key" text,
      "headers" jsonb NOT NULL,
      "value" bytea NOT NULL,
      "created_at" timestamptz NOT NULL DEFAULT now())`);
    await runner.query(`CREATE TABLE "${s}"."inbox" (
      "consumer" text NOT NULL,
      "source" text NOT NULL,
      "event_id" text NOT NULL,
      "applied_at" timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY ("consumer", "source", "event_id"))`);
  }

  async down(runner: QueryRunner): Promise<void> {
    const s = schemaOf(runner);
    await runner.query(`DROP TABLE "${s}"."inbox"`);
    await runner.query(`DROP TABLE "${s}"."outbox"`);
  }
}

export function schemaOf(runner: QueryRunner): string {
  const schema = (runner.connection.options as { schema?: string }).schema;
  if (!schema) throw new Error('migrations run only on a data source with a schema');
  return schema;
}
