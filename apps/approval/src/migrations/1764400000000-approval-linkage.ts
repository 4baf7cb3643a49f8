import { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@hub/messaging';

export class ApprovalLinkage1764400000000 implements MigrationInterface {
  name = 'ApprovalLinkage1764400000000';

  async up(runner: QueryRunner): Promise<void> {
    const s = schemaOf(runner);
    await runner.query(`CREATE TABLE "${s}"."matter_version" (
      "matter_code" text NOT NULL,
      "version" integer NOT NULL,
      "name" text NOT NULL,
      "reform_mode" text NOT NULL,
      "category" text,
      "effective_from" date NOT NULL,
      "push_workdays" integer NOT NULL,
      "claim_workdays" integer NOT NULL,
      "supervision_workdays" integer NOT NULL,
      "departments" text[] NOT NULL,
      "changed_by" text NOT NULL,
      "changed_at" timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY ("matter_code", "version"))`);
    await runner.query(`CREATE TABLE "${s}"."approval" (
      "approval_id" text PRIMARY KEY,
      "uscc" char(18) NOT NULL,
      "decision" text NOT NULL,
      "matter_code" text NOT NULL,
      "matter_name" text NOT NULL,
      "matter_version" integer,
      "reform_mode" text NOT NULL,
      "licence_no" text NOT NULL,
      "decided_at" timestamptz NOT NULL,
      "commitments" jsonb,
      "state" text NOT NULL,
      "push_due_date" date NOT NULL,
      "push_due_at" timestamptz NOT NULL,
      "push_due_provisional" boolean NOT NULL,
      "supervision_workdays" integer NOT NULL,
      "claim_workdays" integer NOT NULL,
      "notice_stage" text NOT NULL DEFAULT 'none',
      "next_notice_at" timestamptz,
      "event_id" text NOT NULL)`);
    await runner.query(
      `CREATE INDEX "approval_unassigned_due" ON "${s}"."approval" ("next_notice_at") WHERE "state" = 'unassigned'`,
    );
    await runner.query(`CREATE TABLE "${s}"."push" (
      "push_id" text PRIMARY KEY,
      "approval_id" text NOT NULL,
      "uscc" char(18) NOT NULL,
      "department" text NOT NULL,
      "pushed_at" timestamptz NOT NULL,
      "claim_due_at" timestamptz NOT NULL,
      "assigned_by" text,
      "replaces_push_id" text)`);
    await runner.query(`CREATE UNIQUE INDEX "push_approval_department" ON "${s}"."push" ("approval_id", "department")`);
    await runner.query(`CREATE TABLE "${s}"."timeline_entry" (
      "event_id" text PRIMARY KEY,
      "approval_id" text NOT NULL,
      "uscc" char(18) NOT NULL,
      "kind" text NOT NULL,
      "at" timestamptz NOT NULL,
      "department" text,
      "actor" text NOT NULL,
      "detail" jsonb NOT NULL DEFAULT '{}')`);
    await runner.query(`CREATE INDEX "timeline_by_approval" ON "${s}"."timeline_entry" ("approval_id", "at")`);
    await runner.query(`CREATE TABLE "${s}"."revocation_request" (
      "request_id" text PRIMARY KEY,
      "approval_id" text NOT NULL,
      "uscc" char(18) NOT NULL,
      "licence_no" text NOT NULL,
      "department" text NOT NULL,
      "reason" text NOT NULL,
      "requested_at" timestamptz NOT NULL,
      "state" text NOT NULL DEFAULT 'open',
      "revoked_by_approval_id" text)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    const s = schemaOf(runner);
    for (const table of ['revocation_request', 'timeline_entry', 'push', 'approval', 'matter_version']) {
      await runner.query(`DROP TABLE "${s}"."${table}"`);
    }
  }
}
