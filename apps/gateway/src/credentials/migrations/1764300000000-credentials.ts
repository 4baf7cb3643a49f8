import { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@hub/messaging';

/** Department systems and their credentials (secrets sealed with AES-256-GCM). */
export class Credentials1764300000000 implements MigrationInterface {
  name = 'Credentials1764300000000';

  async up(runner: QueryRunner): Promise<void> {
    const s = schemaOf(runner);
    await runner.query(`CREATE TABLE "${s}"."department_system" (
      "id" uuid PRIMARY KEY,
      "department" text NOT NULL,
      "name" text NOT NULL,
      "description" text,
      "admin" boolean NOT NULL DEFAULT false,
      "created_at" timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT "uq_department_system_name" UNIQUE ("department", "name"))`);
    await runner.query(`CREATE TABLE "${s}"."credential" (
      "access_key_id" text PRIMARY KEY,
      "system_id" uuid NOT NULL,
      "sealed_secret" bytea NOT NULL,
      "created_at" timestamptz NOT NULL DEFAULT now(),
      "expires_at" timestamptz,
      "revoked_at" timestamptz,
      CONSTRAINT "fk_credential_system" FOREIGN KEY ("system_id") REFERENCES "${s}"."department_system" ("id") ON DELETE CASCADE)`);
    await runner.query(`CREATE INDEX "ix_credential_system" ON "${s}"."credential" ("system_id")`);
  }

  async down(runner: QueryRunner): Promise<void> {
    const s = schemaOf(runner);
    await runner.query(`DROP TABLE "${s}"."credential"`);
    await runner.query(`DROP TABLE "${s}"."department_system"`);
  }
}
