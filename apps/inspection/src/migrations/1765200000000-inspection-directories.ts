import { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@hub/messaging';

/**
 * 一单两库: the item list, the target directory (the enterprise register it had, plus licences and risk classes) and
 * the inspector directory, and the CSV import jobs that feed them. The enterprise table of @hub/directory becomes
 * the target table: its rows are kept.
 */
export class InspectionDirectories1765200000000 implements MigrationInterface {
  name = 'InspectionDirectories1765200000000';

  async up(runner: QueryRunner): Promise<void> {
    const s = schemaOf(runner);
    await runner.query(`CREATE TABLE "${s}"."target" (
      "uscc" char(18) PRIMARY KEY,
      "name" text NOT NULL,
      "kind" text NOT NULL,
      "operator" text,
      "address" text NOT NULL DEFAULT '',
      "industry_code" text,
      "established_on" date,
      "status" text NOT NULL DEFAULT 'active',
      "deregistered_on" date,
      "source" text NOT NULL,
      "updated_at" timestamptz NOT NULL DEFAULT now())`);
    await runner.query(`INSERT INTO "${s}"."target"
        (uscc, name, kind, operator, address, industry_code, established_on, status, deregistered_on, source)
      SELECT uscc, name, CASE substr(uscc, 1, 2) WHEN '91' THEN 'enterprise' WHEN '92' THEN 'individual'
               WHEN '93' THEN 'cooperative' ELSE 'other' END,
             legal_representative, address, industry_code, established_on, status, deregistered_on, 'event'
        FROM "${s}"."enterprise"`);
    await runner.query(`DROP TABLE "${s}"."enterprise"`);
    await runner.query(`CREATE TABLE "${s}"."target_licence" (
      "uscc" char(18) NOT NULL,
      "licence_no" text NOT NULL,
      "matter_code" text NOT NULL,
      "status" text NOT NULL,
      "decided_at" timestamptz,
      PRIMARY KEY ("uscc", "licence_no"))`);
    await runner.query(`CREATE TABLE "${s}"."risk_grade" (
      "uscc" char(18) PRIMARY KEY,
      "risk_class" char(1) NOT NULL,
      "graded_on" date NOT NULL,
      "source" text NOT NULL,
      "basis" text)`);
    await runner.query(`CREATE TABLE "${s}"."inspection_item" (
      "department" text NOT NULL,
      "code" text NOT NULL,
      "name" text NOT NULL,
      "legal_basis" text NOT NULL,
      "key_item" boolean NOT NULL,
      "enterprise_kinds" text[] NOT NULL,
      "licence_types" text[] NOT NULL,
      "updated_at" timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY ("department", "code"))`);
    await runner.query(`CREATE TABLE "${s}"."inspector" (
      "certificate_no" text PRIMARY KEY,
      "department" text NOT NULL,
      "name" text NOT NULL,
      "valid_from" date NOT NULL,
      "valid_until" date NOT NULL,
      "specialities" text[] NOT NULL,
      "conflicts" text[] NOT NULL,
      "active" boolean NOT NULL DEFAULT true,
      "updated_at" timestamptz NOT NULL DEFAULT now())`);
    await runner.query(`CREATE INDEX "inspector_department" ON "${s}"."inspector" ("department")`);
    await runner.query(`CREATE TABLE "${s}"."import_job" (
      "id" uuid PRIMARY KEY,
      "kind" text NOT NULL,
      "department" text,
      "state" text NOT NULL,
      "rows" integer NOT NULL DEFAULT 0,
      "imported" integer NOT NULL DEFAULT 0,
      "unchanged" integer NOT NULL DEFAULT 0,
      "rejected" integer NOT NULL DEFAULT 0,
      "errors" jsonb NOT NULL DEFAULT '[]',
      "encoding" text,
      "created_by" text NOT NULL,
      "created_at" timestamptz NOT NULL DEFAULT now(),
      "finished_at" timestamptz)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    const s = schemaOf(runner);
    for (const table of ['import_job', 'inspector', 'inspection_item', 'risk_grade', 'target_licence']) {
      await runner.query(`DROP TABLE "${s}"."${table}"`);
    }
    await runner.query(`CREATE TABLE "${s}"."enterprise" (
      "uscc" char(18) PRIMARY KEY,
      "name" text NOT NULL,
      "legal_representative" text NOT NULL,
      "address" text NOT NULL,
      "industry_code" text NOT NULL,
      "established_on" date NOT NULL,
      "registered_capital_yuan" bigint,
      "status" text NOT NULL DEFAULT 'active',
      "deregistered_on" date,
      "last_event_id" text NOT NULL,
      "updated_at" timestamptz NOT NULL DEFAULT now())`);
    // Only what the register knew can go back: rows from an import lack the register's facts.
    await runner.query(`INSERT INTO "${s}"."enterprise"
        (uscc, name, legal_representative, address, industry_code, established_on, status, deregistered_on,
         last_event_id)
      SELECT uscc, name, coalesce(operator, ''), address, coalesce(industry_code, ''), established_on, status,
             deregistered_on, 'migrated'
        FROM "${s}"."target" WHERE source = 'event' AND established_on IS NOT NULL`);
    await runner.query(`DROP TABLE "${s}"."target"`);
  }
}
