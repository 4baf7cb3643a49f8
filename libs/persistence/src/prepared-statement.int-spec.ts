import { DataSource } from 'typeorm';
import { IsolatedEnv, isolatedEnv } from '@hub/testing';
import { openDataSource } from './data-source';
import { preparedStatement, runPrepared } from './prepared-statement';

/** Prepared statements against a real PostgreSQL, through a pool of one connection so that its session can be read. */
describe('runPrepared', () => {
  let iso: IsolatedEnv;
  let dataSource: DataSource;
  const insert = preparedStatement(
    `INSERT INTO prepared_test.item (name) SELECT * FROM unnest($1::text[]) RETURNING id, name`,
  );

  beforeAll(async () => {
    iso = await isolatedEnv();
    dataSource = await openDataSource({
      url: iso.databaseUrl,
      schema: 'prepared_test',
      entities: [],
      migrations: [],
      poolSize: 1,
    });
    await dataSource.query('CREATE SCHEMA prepared_test');
    await dataSource.query('CREATE TABLE prepared_test.item (id serial PRIMARY KEY, name text NOT NULL)');
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await iso?.dispose();
  });

  beforeEach(() => dataSource.query('TRUNCATE prepared_test.item RESTART IDENTITY'));

  it('runs on a pooled connection, prepares the statement there once and commits on its own', async () => {
    const first = await runPrepared<{ id: number; name: string }>(dataSource.manager, insert, [['a', 'b']]);
    const second = await runPrepared<{ id: number; name: string }>(dataSource.manager, insert, [['c']]);

    expect(first).toEqual([
      { id: 1, name: 'a' },
      { id: 2, name: 'b' },
    ]);
    expect(second).toEqual([{ id: 3, name: 'c' }]);
    const prepared = await dataSource.query<{ name: string; statement: string }[]>(
      'SELECT name, statement FROM pg_prepared_statements',
    );
    expect(prepared).toEqual([{ name: insert.name, statement: insert.text }]);
    expect(await dataSource.query('SELECT count(*)::int AS n FROM prepared_test.item')).toEqual([{ n: 3 }]);
  });

  it("runs in the caller's transaction when the manager has one", async () => {
    const seen = await dataSource
      .transaction(async (manager) => {
        await runPrepared(manager, insert, [['inside']]);
        const rows = await manager.query<{ name: string }[]>('SELECT name FROM prepared_test.item');
        throw Object.assign(new Error('roll back'), { rows });
      })
      .catch((error: { rows: unknown }) => error.rows);

    expect(seen).toEqual([{ name: 'inside' }]);
    expect(await dataSource.query('SELECT count(*)::int AS n FROM prepared_test.item')).toEqual([{ n: 0 }]);
  });

  it("passes PostgreSQL's error on, with its code, and leaves the connection usable", async () => {
    const withId = preparedStatement(`INSERT INTO prepared_test.item (id, name) VALUES ($1, $2)`);
    await runPrepared(dataSource.manager, withId, [100, 'first']);

    await expect(runPrepared(dataSource.manager, withId, [100, 'again'])).rejects.toMatchObject({ code: '23505' });
    expect(await runPrepared(dataSource.manager, insert, [['after']])).toEqual([{ id: 1, name: 'after' }]);
  });

  it('names each text apart and the same text alike', () => {
    expect(preparedStatement(insert.text)).toEqual(insert);
    expect(preparedStatement(`${insert.text} `).name).not.toBe(insert.name);
  });
});
