import { Client } from 'pg';
import { DataSource, DataSourceOptions, EntitySchema, MigrationInterface } from 'typeorm';

type EntityClass = (new () => unknown) | EntitySchema;
type MigrationClass = new () => MigrationInterface;

export interface HubDataSourceConfig {
  url: string;
  /** The app's own schema: an app reads and writes only its own (DESIGN.md). */
  schema: string;
  entities: EntityClass[];
  migrations: MigrationClass[];
  applicationName?: string;
  poolSize?: number;
}

const SCHEMA_NAME = /^[a-z][a-z0-9_]{0,62}$/;

/**
 * Every pooled session plans for pages read from memory, as the hub's working set is: with PostgreSQL's default
 * (4, for spinning disks) a set-based UPDATE of 500 rows by primary key read and hashed the whole table instead,
 * for every batch.
 */
const SESSION_SETTINGS = '-c random_page_cost=1.1';

export function hubDataSourceOptions(config: HubDataSourceConfig): DataSourceOptions {
  if (!SCHEMA_NAME.test(config.schema)) throw new Error(`schema "${config.schema}" must match ${SCHEMA_NAME}`);
  return {
    type: 'postgres',
    url: config.url,
    schema: config.schema,
    entities: config.entities,
    migrations: config.migrations,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    // Migrations only, always: synchronize would let entities drift from reviewed SQL (STYLE.md §7).
    synchronize: false,
    applicationName: config.applicationName ?? config.schema,
    extra: { max: config.poolSize ?? 10, options: SESSION_SETTINGS },
  };
}

/**
 * Creates the schema (TypeORM keeps its migrations table inside it, so it must exist first) and runs pending
 * migrations under an advisory lock, so that two replicas starting together do not both migrate.
 */
export async function migrate(dataSource: DataSource): Promise<string[]> {
  const schema = String((dataSource.options as { schema?: string }).schema);
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query(`SELECT pg_advisory_lock(hashtext($1))`, [`migrate:${schema}`]);
    await runner.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    await runner.query(`SELECT pg_advisory_unlock(hashtext($1))`, [`migrate:${schema}`]).catch(() => undefined);
    await runner.release();
  }
}

/** SQL that synchronize would run to match the entities: empty when entities and migrations agree. */
export async function schemaDrift(dataSource: DataSource): Promise<string[]> {
  const sql = await dataSource.driver.createSchemaBuilder().log();
  return sql.upQueries.map((q) => q.query);
}

export async function openDataSource(config: HubDataSourceConfig): Promise<DataSource> {
  const dataSource = new DataSource(hubDataSourceOptions(config));
  await dataSource.initialize();
  return dataSource;
}

/** A plain connection outside the pool, for sessions that must hold state (advisory locks, LISTEN). */
export function sessionClient(url: string, applicationName: string): Client {
  return new Client({ connectionString: url, application_name: applicationName });
}
