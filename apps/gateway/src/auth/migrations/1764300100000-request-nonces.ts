import { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@hub/messaging';

/** Nonces seen per credential, for replay refusal across replicas. */
export class RequestNonces1764300100000 implements MigrationInterface {
  name = 'RequestNonces1764300100000';

  async up(runner: QueryRunner): Promise<void> {
    const s = schemaOf(runner);
    await runner.query(`CREATE TABLE "${s}"."request_nonce" (
      "access_key_id" text NOT NULL,
      "nonce" text NOT NULL,
      "expires_at" timestamptz NOT NULL,
      PRIMARY KEY ("access_key_id", "nonce"))`);
    await runner.query(`CREATE INDEX "ix_request_nonce_expires" ON "${s}"."request_nonce" ("expires_at")`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE "${schemaOf(runner)}"."request_nonce"`);
  }
}
