import { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@hub/messaging';

/**
 * What operators filter dead letters by (the event's type and its publishing department, kept when a letter is
 * stored), the record of every action on them and every opening of a payload, and the roles' payload visibility.
 */
export class DeadLetterOperations1765100000000 implements MigrationInterface {
  name = 'DeadLetterOperations1765100000000';

  async up(runner: QueryRunner): Promise<void> {
    const s = schemaOf(runner);
    await runner.query(`ALTER TABLE "${s}"."dead_letter" ADD "event_type" text, ADD "department" text`);
    // Letters stored before: the type of a binary-mode event, and the department of an ingress topic.
    await runner.query(
      `UPDATE "${s}"."dead_letter" SET "event_type" = "headers"->>'ce_type',
         "department" = upper(substring("original_topic" from 'zone\\.ingress\\.([a-z]+)\\.v1$'))`,
    );
    await runner.query(`CREATE INDEX "dead_letter_by_topic" ON "${s}"."dead_letter" ("original_topic", "id")`);
    await runner.query(`CREATE INDEX "dead_letter_by_type" ON "${s}"."dead_letter" ("event_type", "id")`);
    await runner.query(`CREATE INDEX "dead_letter_by_department" ON "${s}"."dead_letter" ("department", "id")`);
    await runner.query(
      `CREATE TABLE "${s}"."dead_letter_action" (
        "id" bigserial PRIMARY KEY,
        "at" timestamptz NOT NULL DEFAULT now(),
        "actor" text NOT NULL,
        "actor_name" text,
        "actor_roles" text[] NOT NULL,
        "action" text NOT NULL CONSTRAINT "dead_letter_action_kind"
          CHECK ("action" IN ('viewed', 'replayed', 'discarded', 'refused', 'visibility')),
        "dead_letter_id" bigint,
        "note" text
      )`,
    );
    await runner.query(`CREATE INDEX "dead_letter_action_by_letter" ON "${s}"."dead_letter_action" ("dead_letter_id")`);
    await runner.query(
      `CREATE TABLE "${s}"."payload_visibility" (
        "role" text PRIMARY KEY,
        "visibility" text NOT NULL CONSTRAINT "payload_visibility_kind" CHECK ("visibility" IN ('masked', 'off')),
        "changed_by" text NOT NULL,
        "changed_at" timestamptz NOT NULL DEFAULT now()
      )`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    const s = schemaOf(runner);
    await runner.query(`DROP TABLE "${s}"."payload_visibility"`);
    await runner.query(`DROP TABLE "${s}"."dead_letter_action"`);
    await runner.query(`DROP INDEX "${s}"."dead_letter_by_department"`);
    await runner.query(`DROP INDEX "${s}"."dead_letter_by_type"`);
    await runner.query(`DROP INDEX "${s}"."dead_letter_by_topic"`);
    await runner.query(`ALTER TABLE "${s}"."dead_letter" DROP "department", DROP "event_type"`);
  }
}
