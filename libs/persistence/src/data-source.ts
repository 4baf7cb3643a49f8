import { Client, ClientConfig } from 'pg';
import { DataSource, DataSourceOptions, EntitySchema, MigrationExecutor, MigrationInterface } from 'typeorm';

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
  /** Absent: DEFAULT_POSTGRES_TIMEOUTS. */
  timeouts?: PostgresTimeouts;
}

/**
 * What bounds a session's waits, in milliseconds (0: no bound). A stalled server, a statement that runs away or a
 * transaction left open then ends in an error the caller answers (the gateway: 503) instead of holding a connection
 * and whatever it locked for ever.
 */
export interface PostgresTimeouts {
  /** Opening a connection, and waiting for a free one of a pool. */
  readonly connectMs: number;
  /** One statement (PostgreSQL's statement_timeout; SQLSTATE 57014 when it strikes). */
  readonly statementMs: number;
  /** A transaction idle between statements (idle_in_transaction_session_timeout; the session is closed). */
  readonly idleInTransactionMs: number;
}

export const DEFAULT_POSTGRES_TIMEOUTS: PostgresTimeouts = {
  connectMs: 10_000,
  statementMs: 30_000,
  idleInTransactionMs: 60_000,
};

/** node-postgres settings for a client or a pool with these time-outs. */
export function postgresConnectionConfig(
  url: string,
  applicationName: string,
  timeouts: PostgresTimeouts = DEFAULT_POSTGRES_TIMEOUTS,
): ClientConfig & { connectionTimeoutMillis: number } {
  return {
    connectionString: url,
    application_name: applicationName,
    connectionTimeoutMillis: timeouts.connectMs,
    statement_timeout: timeouts.statementMs,
    idle_in_transaction_session_timeout: timeouts.idleInTransactionMs,
  };
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
    extra: {
      ...postgresConnectionConfig(config.url, config.applicationName ?? config.schema, config.timeouts),
      max: config.poolSize ?? 10,
      options: SESSION_SETTINGS,
    },
  };
}

/**
 * Creates the schema (TypeORM keeps its migrations table inside it, so it must exist first) and runs pending
 * migrations under an advisory lock, so that two replicas starting together do not both migrate. Its session has no
 * statement time-out: a migration may rewrite a large table, and a replica may wait for another's migration.
 */
export async function migrate(dataSource: DataSource): Promise<string[]> {
  const schema = String((dataSource.options as { schema?: string }).schema);
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SET statement_timeout = 0');
    await runner.query(`SELECT pg_advisory_lock(hashtext($1))`, [`migrate:${schema}`]);
    await runner.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
    const executor = new MigrationExecutor(dataSource, runner);
    executor.transaction = 'each';
    const applied = await executor.executePendingMigrations();
    return applied.map((m) => m.name);
  } finally {
    await runner.query(`SELECT pg_advisory_unlock(hashtext($1))`, [`migrate:${schema}`]).catch(() => undefined);
    await runner.query('RESET statement_timeout').catch(() => undefined);
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
export function sessionClient(url: string, applicationName: string, timeouts?: PostgresTimeouts): Client {
  return new Client(postgresConnectionConfig(url, applicationName, timeouts));
}
