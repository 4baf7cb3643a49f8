import { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@hub/messaging';

/** 电子证照 / 电子印章: the catalogue, issuer keys, grants, e-licences and seals with every version, gaps, accesses. */
export class RegistryLicences1765100000000 implements MigrationInterface {
  name = 'RegistryLicences1765100000000';

  async up(runner: QueryRunner): Promise<void> {
    const s = schemaOf(runner);
    await runner.query(`CREATE TABLE "${s}"."licence_type" (
      "type_code" text PRIMARY KEY,
      "name" text NOT NULL,
      "issuing_departments" text[] NOT NULL,
      "matter_codes" text[] NOT NULL,
      "reader_departments" text[] NOT NULL,
      "validity_months" integer,
      "establishes" boolean NOT NULL DEFAULT false,
      "updated_at" timestamptz NOT NULL,
      "updated_by" text NOT NULL)`);
    await runner.query(`CREATE TABLE "${s}"."issuer_key" (
      "issuer" text PRIMARY KEY,
      "department" text NOT NULL,
      "public_key_pem" text NOT NULL,
      "public_key_hex" text NOT NULL,
      "registered_at" timestamptz NOT NULL,
      "registered_by" text NOT NULL)`);
    await runner.query(`CREATE TABLE "${s}"."granted_licence" (
      "approval_id" text PRIMARY KEY,
      "uscc" char(18) NOT NULL,
      "matter_code" text NOT NULL,
      "licence_type" text NOT NULL,
      "department" text NOT NULL,
      "decided_at" timestamptz NOT NULL,
      "decision" text NOT NULL,
      "licence_id" text,
      "aggregated_at" timestamptz,
      "delay_ms" bigint)`);
    await runner.query(`CREATE INDEX "granted_by_type" ON "${s}"."granted_licence" ("licence_type", "department")`);
    await runner.query(`CREATE TABLE "${s}"."licence" (
      "licence_id" text PRIMARY KEY,
      "licence_type" text,
      "issuer" text NOT NULL,
      "department" text NOT NULL,
      "licence_name" text NOT NULL,
      "holder_kind" text NOT NULL,
      "holder_uscc" char(18),
      "holder_name" text,
      "person_name" text,
      "person_id_number" text,
      "approval_id" text,
      "issued_on" date NOT NULL,
      "valid_from" date NOT NULL,
      "valid_until" date,
      "status" text NOT NULL,
      "version" integer NOT NULL,
      "file_digest" text NOT NULL,
      "received_at" timestamptz NOT NULL,
      "updated_at" timestamptz NOT NULL,
      "checks" jsonb NOT NULL,
      "failed_check" text,
      "failed_detail" text)`);
    await runner.query(`CREATE INDEX "licence_by_holder" ON "${s}"."licence" ("holder_uscc")`);
    await runner.query(`CREATE INDEX "licence_by_approval" ON "${s}"."licence" ("approval_id")`);
    await runner.query(`CREATE INDEX "licence_by_issuer" ON "${s}"."licence" ("issuer")`);
    await runner.query(`CREATE TABLE "${s}"."licence_version" (
      "licence_id" text NOT NULL,
      "version" integer NOT NULL,
      "event_id" text NOT NULL,
      "event_type" text NOT NULL,
      "status" text NOT NULL,
      "data" jsonb NOT NULL,
      "file" bytea,
      "received_at" timestamptz NOT NULL,
      "failed_check" text,
      PRIMARY KEY ("licence_id", "version"))`);
    await runner.query(`CREATE TABLE "${s}"."seal" (
      "seal_code" text PRIMARY KEY,
      "uscc" char(18) NOT NULL,
      "seal_type" text NOT NULL,
      "seal_name" text NOT NULL,
      "holder_kind" text NOT NULL,
      "holder_name" text NOT NULL,
      "valid_from" date NOT NULL,
      "valid_until" date NOT NULL,
      "certificate_subject" text NOT NULL,
      "certificate_serial" text NOT NULL,
      "department" text NOT NULL,
      "status" text NOT NULL,
      "made_at" timestamptz NOT NULL,
      "filed_at" timestamptz,
      "filing_no" text,
      "version" integer NOT NULL,
      "updated_at" timestamptz NOT NULL)`);
    await runner.query(`CREATE INDEX "seal_by_holder" ON "${s}"."seal" ("uscc")`);
    await runner.query(`CREATE TABLE "${s}"."seal_version" (
      "seal_code" text NOT NULL,
      "version" integer NOT NULL,
      "event_id" text NOT NULL,
      "event_type" text NOT NULL,
      "data" jsonb NOT NULL,
      "received_at" timestamptz NOT NULL,
      PRIMARY KEY ("seal_code", "version"))`);
    await runner.query(`CREATE TABLE "${s}"."establishment" (
      "uscc" char(18) PRIMARY KEY,
      "approval_id" text NOT NULL,
      "department" text NOT NULL,
      "established_at" timestamptz NOT NULL,
      "due_at" timestamptz NOT NULL,
      "seals_complete_at" timestamptz,
      "alerted" boolean NOT NULL DEFAULT false)`);
    await runner.query(
      `CREATE INDEX "establishment_due" ON "${s}"."establishment" ("due_at") WHERE "seals_complete_at" IS NULL AND NOT "alerted"`,
    );
    await runner.query(`CREATE TABLE "${s}"."gap" (
      "gap_id" text PRIMARY KEY,
      "kind" text NOT NULL,
      "subject" text NOT NULL,
      "uscc" char(18),
      "department" text,
      "licence_type" text,
      "check" text,
      "since" timestamptz NOT NULL,
      "detail" text NOT NULL,
      "opened_at" timestamptz NOT NULL,
      "closed_at" timestamptz,
      "resolution" text)`);
    await runner.query(`CREATE INDEX "gap_open" ON "${s}"."gap" ("kind", "since") WHERE "closed_at" IS NULL`);
    await runner.query(`CREATE TABLE "${s}"."access_record" (
      "id" bigserial PRIMARY KEY,
      "at" timestamptz NOT NULL,
      "caller_kind" text NOT NULL,
      "caller" text NOT NULL,
      "caller_department" text NOT NULL,
      "caller_name" text,
      "roles" text[] NOT NULL,
      "query" text NOT NULL,
      "value" text NOT NULL,
      "purpose" text NOT NULL,
      "licence_ids" text[] NOT NULL,
      "issuing_departments" text[] NOT NULL,
      "unmasked" boolean NOT NULL)`);
    await runner.query(
      `CREATE INDEX "access_by_department" ON "${s}"."access_record" USING gin ("issuing_departments")`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    const s = schemaOf(runner);
    for (const table of [
      'access_record',
      'gap',
      'establishment',
      'seal_version',
      'seal',
      'licence_version',
      'licence',
      'granted_licence',
      'issuer_key',
      'licence_type',
    ]) {
      await runner.query(`DROP TABLE "${s}"."${table}"`);
    }
  }
}
