import { DataSource, MigrationInterface, QueryRunner } from 'typeorm';
import { IsolatedEnv, isolatedEnv } from '@hub/testing';
import { migrate, openDataSource, sessionClient } from './data-source';

const TIMEOUTS = { connectMs: 300, statementMs: 300, idleInTransactionMs: 300 };

/** A migration that takes longer than the statement time-out, as one rewriting a large table would. */
class SlowMigration1700000000000 implements MigrationInterface {
  async up(runner: QueryRunner): Promise<void> {
    await runner.query('SELECT pg_sleep(0.6)');
    await runner.query('CREATE TABLE timeouts_test.migrated (id int)');
  }
  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE timeouts_test.migrated');
  }
}

/** The sessions' time-outs against a real PostgreSQL, with a pool of one connection. */
describe('PostgreSQL time-outs', () => {
  let iso: IsolatedEnv;
  let dataSource: DataSource;

  beforeAll(async () => {
    iso = await isolatedEnv();
    dataSource = await openDataSource({
      url: iso.databaseUrl,
      schema: 'timeouts_test',
      entities: [],
      migrations: [SlowMigration1700000000000],
      poolSize: 1,
      timeouts: TIMEOUTS,
    });
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await iso?.dispose();
  });

  it('migrates without the statement time-out, and the session keeps it afterwards', async () => {
    await expect(migrate(dataSource)).resolves.toEqual(['SlowMigration1700000000000']);
    const [{ statement_timeout }] = (await dataSource.query('SHOW statement_timeout')) as {
      statement_timeout: string;
    }[];
    expect(statement_timeout).toBe('300ms');
  });

  it('cancels a statement that runs past the statement time-out (SQLSTATE 57014)', async () => {
    await expect(dataSource.query('SELECT pg_sleep(3)')).rejects.toMatchObject({ code: '57014' });
    await expect(dataSource.query('SELECT 1 AS one')).resolves.toEqual([{ one: 1 }]);
  });

  it('ends a transaction left idle past the idle-in-transaction time-out', async () => {
    const runner = dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction();
      await runner.query('SELECT 1');
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      // The server closed the session (FATAL 25P03); TypeORM then releases the runner, whose next query fails.
      await expect(runner.query('SELECT 2')).rejects.toThrow(/terminat|released/i);
    } finally {
      await runner.release().catch(() => undefined);
    }
    await expect(dataSource.query('SELECT 1 AS one')).resolves.toEqual([{ one: 1 }]);
  });

  it('gives up waiting for a connection of a full pool after the connect time-out', async () => {
    const holder = dataSource.createQueryRunner();
    await holder.connect();
    try {
      await expect(dataSource.query('SELECT 1')).rejects.toThrow(/timeout exceeded when trying to connect/);
    } finally {
      await holder.release();
    }
  });

  it('puts the same time-outs on a session of its own', async () => {
    const client = sessionClient(iso.databaseUrl, 'timeouts-test', TIMEOUTS);
    await client.connect();
    try {
      await expect(client.query('SELECT pg_sleep(3)')).rejects.toMatchObject({ code: '57014' });
    } finally {
      await client.end();
    }
  });
});
