import { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@hub/messaging';

/**
 * The event ledger: one entry per event the hub accepted, in the order the ledger read them (each partition's in its
 * Kafka order), chained by hash and leaves of an RFC 6962 tree; its head (one row, locked by every append, so
 * replicas append one after another); and its signed checkpoints.
 */
export class EventLedger1765000000000 implements MigrationInterface {
  name = 'EventLedger1765000000000';

  async up(runner: QueryRunner): Promise<void> {
    const s = schemaOf(runner);
    await runner.query(`
      CREATE TABLE "${s}"."ledger_entries" (
        "seq" bigint PRIMARY KEY,
        "topic" text NOT NULL,
        "kafka_partition" integer NOT NULL,
        "kafka_offset" bigint NOT NULL,
        "event_id" text,
        "event_type" text,
        "value_sha256" bytea NOT NULL,
        "prev_hash" bytea NOT NULL,
        "hash" bytea NOT NULL,
        "kafka_timestamp" timestamptz NOT NULL,
        "recorded_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "ledger_entries_position" UNIQUE ("topic", "kafka_partition", "kafka_offset")
      )`);
    await runner.query(`
      CREATE TABLE "${s}"."ledger_head" (
        "id" smallint PRIMARY KEY CHECK ("id" = 1),
        "size" bigint NOT NULL,
        "chain_head" bytea NOT NULL,
        "frontier" text NOT NULL,
        "updated_at" timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(
      `INSERT INTO "${s}"."ledger_head" ("id", "size", "chain_head", "frontier") VALUES (1, 0, '\\x${'00'.repeat(32)}', '')`,
    );
    await runner.query(`
      CREATE TABLE "${s}"."ledger_checkpoints" (
        "size" bigint PRIMARY KEY,
        "root_hash" bytea NOT NULL,
        "chain_head" bytea NOT NULL,
        "issued_at" text NOT NULL,
        "key_id" text NOT NULL,
        "signature" text NOT NULL,
        "frontier" text NOT NULL,
        "event_id" text NOT NULL
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    const s = schemaOf(runner);
    await runner.query(`DROP TABLE "${s}"."ledger_checkpoints"`);
    await runner.query(`DROP TABLE "${s}"."ledger_head"`);
    await runner.query(`DROP TABLE "${s}"."ledger_entries"`);
  }
}
