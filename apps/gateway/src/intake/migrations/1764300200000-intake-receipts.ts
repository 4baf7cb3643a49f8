import { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@hub/messaging';

/** Receipts of accepted events, keyed by CloudEvents identity (source + id), for duplicate detection. */
export class IntakeReceipts1764300200000 implements MigrationInterface {
  name = 'IntakeReceipts1764300200000';

  async up(runner: QueryRunner): Promise<void> {
    const s = schemaOf(runner);
    await runner.query(`CREATE TABLE "${s}"."intake_receipt" (
      "source" text NOT NULL,
      "event_id" text NOT NULL,
      "fingerprint" text NOT NULL,
      "hub_id" uuid NOT NULL,
      "type" text NOT NULL,
      "topic" text NOT NULL,
      "department" text NOT NULL,
      "channel" text NOT NULL,
      "access_key_id" text,
      "accepted_at" timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY ("source", "event_id"),
      CONSTRAINT "uq_intake_receipt_hub_id" UNIQUE ("hub_id"))`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE "${schemaOf(runner)}"."intake_receipt"`);
  }
}
