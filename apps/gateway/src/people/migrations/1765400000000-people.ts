import { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@hub/messaging';

/** People's accounts, sessions (the token's SHA-256 only) and the audit of their actions. */
export class People1765400000000 implements MigrationInterface {
  name = 'People1765400000000';

  async up(runner: QueryRunner): Promise<void> {
    const s = schemaOf(runner);
    await runner.query(`CREATE TABLE "${s}"."person_account" (
      "id" uuid PRIMARY KEY,
      "username" text NOT NULL,
      "display_name" text NOT NULL,
      "department" text NOT NULL,
      "roles" text[] NOT NULL,
      "password_hash" text NOT NULL,
      "disabled_at" timestamptz,
      "failed_logins" integer NOT NULL DEFAULT 0,
      "locked_until" timestamptz,
      "created_at" timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT "uq_person_account_username" UNIQUE ("username"))`);
    await runner.query(`CREATE TABLE "${s}"."person_session" (
      "token_sha256" bytea PRIMARY KEY,
      "account_id" uuid NOT NULL,
      "created_at" timestamptz NOT NULL,
      "last_seen_at" timestamptz NOT NULL,
      "expires_at" timestamptz NOT NULL,
      "ended_at" timestamptz,
      CONSTRAINT "fk_person_session_account" FOREIGN KEY ("account_id") REFERENCES "${s}"."person_account" ("id") ON DELETE CASCADE)`);
    await runner.query(`CREATE INDEX "ix_person_session_account" ON "${s}"."person_session" ("account_id")`);
    await runner.query(`CREATE TABLE "${s}"."person_action" (
      "id" bigserial PRIMARY KEY,
      "at" timestamptz NOT NULL DEFAULT now(),
      "action" text NOT NULL,
      "account_id" uuid,
      "username" text NOT NULL,
      "method" text NOT NULL,
      "path" text NOT NULL,
      "status" integer NOT NULL,
      "address" text,
      "detail" text)`);
    await runner.query(`CREATE INDEX "ix_person_action_account" ON "${s}"."person_action" ("account_id", "id")`);
    await runner.query(`CREATE INDEX "ix_person_action_username" ON "${s}"."person_action" ("username", "id")`);
  }

  async down(runner: QueryRunner): Promise<void> {
    const s = schemaOf(runner);
    await runner.query(`DROP TABLE "${s}"."person_action"`);
    await runner.query(`DROP TABLE "${s}"."person_session"`);
    await runner.query(`DROP TABLE "${s}"."person_account"`);
  }
}
