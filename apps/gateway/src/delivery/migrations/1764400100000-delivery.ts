import { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@hub/messaging';

/** Subscriptions, the events kept for delivery and replay, and one delivery per event and webhook subscription. */
export class Delivery1764400100000 implements MigrationInterface {
  name = 'Delivery1764400100000';

  async up(runner: QueryRunner): Promise<void> {
    const s = schemaOf(runner);
    await runner.query(`CREATE TABLE "${s}"."subscription" (
      "id" text PRIMARY KEY,
      "department" text NOT NULL,
      "created_by" text NOT NULL,
      "event_types" text[] NOT NULL,
      "mode" text NOT NULL,
      "webhook_url" text,
      "webhook_secret_sealed" bytea,
      "status" text NOT NULL DEFAULT 'active',
      "paused_at" timestamptz,
      "pause_reason" text,
      "created_at" timestamptz NOT NULL DEFAULT now(),
      "updated_at" timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT "subscription_mode" CHECK ("mode" IN ('webhook', 'egress')),
      CONSTRAINT "subscription_status" CHECK ("status" IN ('active', 'paused')),
      CONSTRAINT "subscription_webhook"
        CHECK (("mode" = 'webhook') = ("webhook_url" IS NOT NULL AND "webhook_secret_sealed" IS NOT NULL)))`);
    await runner.query(`CREATE INDEX "subscription_department" ON "${s}"."subscription" ("department")`);

    await runner.query(`CREATE TABLE "${s}"."delivery_event" (
      "seq" BIGSERIAL PRIMARY KEY,
      "source" text NOT NULL,
      "event_id" text NOT NULL,
      "type" text NOT NULL,
      "key" text NOT NULL,
      "body" bytea NOT NULL,
      "recorded_at" timestamptz NOT NULL DEFAULT now())`);
    await runner.query(
      `CREATE UNIQUE INDEX "delivery_event_identity" ON "${s}"."delivery_event" ("source", "event_id")`,
    );
    await runner.query(`CREATE INDEX "delivery_event_recorded" ON "${s}"."delivery_event" ("recorded_at")`);

    await runner.query(`CREATE TABLE "${s}"."delivery" (
      "seq" BIGSERIAL PRIMARY KEY,
      "id" uuid NOT NULL,
      "subscription_id" text NOT NULL,
      "event_seq" bigint NOT NULL,
      "ordering_key" text NOT NULL,
      "replay" boolean NOT NULL DEFAULT false,
      "status" text NOT NULL DEFAULT 'pending',
      "attempts" int NOT NULL DEFAULT 0,
      "next_attempt_at" timestamptz NOT NULL DEFAULT now(),
      "first_failed_at" timestamptz,
      "last_attempt_at" timestamptz,
      "last_status_code" int,
      "last_error" text,
      "delivered_at" timestamptz,
      "lease_until" timestamptz,
      "lease_token" uuid,
      "created_at" timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT "delivery_status" CHECK ("status" IN ('pending', 'failed', 'delivered')),
      CONSTRAINT "delivery_subscription_fk" FOREIGN KEY ("subscription_id")
        REFERENCES "${s}"."subscription" ("id") ON DELETE CASCADE,
      CONSTRAINT "delivery_event_fk" FOREIGN KEY ("event_seq") REFERENCES "${s}"."delivery_event" ("seq"))`);
    await runner.query(`CREATE UNIQUE INDEX "delivery_id" ON "${s}"."delivery" ("id")`);
    await runner.query(`CREATE INDEX "delivery_subscription" ON "${s}"."delivery" ("subscription_id", "seq")`);
    await runner.query(`CREATE INDEX "delivery_event_seq" ON "${s}"."delivery" ("event_seq")`);
    // The worker's two questions: what is due, and is anything earlier of the same key still undelivered.
    await runner.query(
      `CREATE INDEX "delivery_due" ON "${s}"."delivery" ("next_attempt_at") WHERE "status" <> 'delivered'`,
    );
    await runner.query(
      `CREATE INDEX "delivery_key_queue" ON "${s}"."delivery" ("subscription_id", "ordering_key", "seq")
       WHERE "status" <> 'delivered'`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    const s = schemaOf(runner);
    await runner.query(`DROP TABLE "${s}"."delivery"`);
    await runner.query(`DROP TABLE "${s}"."delivery_event"`);
    await runner.query(`DROP TABLE "${s}"."subscription"`);
  }
}
