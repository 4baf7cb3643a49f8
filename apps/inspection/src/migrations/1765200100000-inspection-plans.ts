import { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@hub/messaging';

/** Plans, their locks and exclusions, the draw records, the tasks they made and the results. */
export class InspectionPlans1765200100000 implements MigrationInterface {
  name = 'InspectionPlans1765200100000';

  async up(runner: QueryRunner): Promise<void> {
    const s = schemaOf(runner);
    await runner.query(`CREATE TABLE "${s}"."plan" (
      "id" text PRIMARY KEY,
      "title" text NOT NULL,
      "year" integer NOT NULL,
      "kind" text NOT NULL,
      "lead_department" text NOT NULL,
      "departments" jsonb NOT NULL,
      "ratios" jsonb NOT NULL,
      "max_targets_per_inspector" integer,
      "enterprise_annual_cap" integer NOT NULL,
      "inspection_date" date NOT NULL,
      "state" text NOT NULL,
      "lock_no" integer NOT NULL DEFAULT 0,
      "locked_at" timestamptz,
      "commitment" text,
      "candidate_digest" text,
      "sealed_secret" bytea,
      "inputs" jsonb,
      "created_by" text NOT NULL,
      "created_at" timestamptz NOT NULL DEFAULT now())`);
    await runner.query(`CREATE INDEX "plan_year" ON "${s}"."plan" ("year")`);
    await runner.query(`CREATE TABLE "${s}"."plan_exclusion" (
      "plan_id" text NOT NULL,
      "lock_no" integer NOT NULL,
      "uscc" char(18) NOT NULL,
      "reason" text NOT NULL,
      PRIMARY KEY ("plan_id", "lock_no", "uscc"))`);
    await runner.query(`CREATE TABLE "${s}"."draw" (
      "id" text PRIMARY KEY,
      "plan_id" text NOT NULL,
      "lock_no" integer NOT NULL,
      "record" jsonb NOT NULL,
      "witness" text NOT NULL,
      "drawn_by" text NOT NULL,
      "drawn_at" timestamptz NOT NULL,
      "replaces" text,
      "voided_reason" text,
      "voided_by" text,
      "voided_at" timestamptz)`);
    await runner.query(`CREATE INDEX "draw_plan" ON "${s}"."draw" ("plan_id")`);
    await runner.query(`CREATE TABLE "${s}"."task" (
      "id" text PRIMARY KEY,
      "plan_id" text NOT NULL,
      "draw_id" text NOT NULL,
      "year" integer NOT NULL,
      "uscc" char(18) NOT NULL,
      "department" text NOT NULL,
      "stratum" text NOT NULL,
      "inspectors" jsonb,
      "state" text NOT NULL,
      "created_at" timestamptz NOT NULL DEFAULT now())`);
    await runner.query(`CREATE INDEX "task_uscc_year" ON "${s}"."task" ("uscc", "year")`);
    await runner.query(`CREATE INDEX "task_plan" ON "${s}"."task" ("plan_id")`);
    await runner.query(`CREATE TABLE "${s}"."result" (
      "task_id" text PRIMARY KEY,
      "category" text NOT NULL,
      "findings" text NOT NULL,
      "problems" jsonb NOT NULL DEFAULT '[]',
      "rectification" text,
      "follow_up" text,
      "result_on" date NOT NULL,
      "publication_due_on" date NOT NULL,
      "published_at" timestamptz,
      "overdue_noticed_at" timestamptz,
      "recorded_by" text NOT NULL,
      "channel" text NOT NULL,
      "recorded_at" timestamptz NOT NULL)`);
    await runner.query(
      `CREATE INDEX "result_unpublished" ON "${s}"."result" ("publication_due_on") WHERE published_at IS NULL`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    const s = schemaOf(runner);
    for (const table of ['result', 'task', 'draw', 'plan_exclusion', 'plan']) {
      await runner.query(`DROP TABLE "${s}"."${table}"`);
    }
  }
}
