import { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@hub/messaging';

export class EnterpriseDirectory1764230500000 implements MigrationInterface {
  name = 'EnterpriseDirectory1764230500000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE "${schemaOf(runner)}"."enterprise" (
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
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE "${schemaOf(runner)}"."enterprise"`);
  }
}
