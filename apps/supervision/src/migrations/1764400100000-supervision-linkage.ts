import { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@hub/messaging';

export class SupervisionLinkage1764400100000 implements MigrationInterface {
  name = 'SupervisionLinkage1764400100000';

  async up(runner: QueryRunner): Promise<void> {
    const s = schemaOf(runner);
    await runner.query(`CREATE TABLE "${s}"."push" (
      "approval_id" text NOT NULL,
      "department" text NOT NULL,
      "uscc" char(18) NOT NULL,
      "push_id" text,
      "matter_code" text,
      "matter_name" text,
      "reform_mode" text,
      "decision" text,
      "licence_no" text,
      "commitments" jsonb,
      "pushed_at" timestamptz,
      "claim_due_date" date,
      "claim_due_at" timestamptz,
      "claim_due_provisional" boolean,
      "supervision_workdays" integer,
      "state" text NOT NULL,
      "claimed_at" timestamptz,
      "claimed_by" text,
      "returned_at" timestamptz,
      "supervised_at" timestamptz,
      "last_result" text,
      "supervision_due_date" date,
      "supervision_due_at" timestamptz,
      "supervision_due_provisional" boolean,
      "notice_limit" text,
      "notice_stage" text NOT NULL DEFAULT 'none',
      "next_notice_at" timestamptz,
      PRIMARY KEY ("approval_id", "department"))`);
    await runner.query(
      `CREATE INDEX "push_due_notice" ON "${s}"."push" ("next_notice_at") WHERE "next_notice_at" IS NOT NULL`,
    );
    await runner.query(`CREATE INDEX "push_department_state" ON "${s}"."push" ("department", "state")`);
    await runner.query(`CREATE TABLE "${s}"."supervision_action" (
      "action_id" text PRIMARY KEY,
      "approval_id" text NOT NULL,
      "department" text NOT NULL,
      "uscc" char(18) NOT NULL,
      "action" text NOT NULL,
      "result" text NOT NULL,
      "findings" text NOT NULL,
      "actor" text NOT NULL,
      "at" timestamptz NOT NULL,
      "revocation_request_id" text)`);
    await runner.query(`CREATE INDEX "action_by_push" ON "${s}"."supervision_action" ("approval_id", "department")`);
  }

  async down(runner: QueryRunner): Promise<void> {
    const s = schemaOf(runner);
    await runner.query(`DROP TABLE "${s}"."supervision_action"`);
    await runner.query(`DROP TABLE "${s}"."push"`);
  }
}
