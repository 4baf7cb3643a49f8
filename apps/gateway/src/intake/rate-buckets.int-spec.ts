import { DataSource } from 'typeorm';
import { migrate, openDataSource } from '@hub/persistence';
import { appDataSourceConfig } from '@hub/platform';
import { IsolatedEnv, isolatedEnv } from '@hub/testing';
import { gatewayApp } from '../gateway.app';
import { RateBucketsRepository } from './rate-buckets.repository';
import { DepartmentRateLimiter } from './rate-limiter';

/** Replicas drawing on one department's bucket in a real PostgreSQL, concurrently. */
describe('shared rate buckets', () => {
  let iso: IsolatedEnv;
  const dataSources: DataSource[] = [];

  /** A gateway replica's limiter: its own connection pool and its own leases. */
  const replica = async (rate: number, burst: number): Promise<DepartmentRateLimiter> => {
    const dataSource = await openDataSource(appDataSourceConfig(gatewayApp, iso.databaseUrl));
    dataSources.push(dataSource);
    return new DepartmentRateLimiter(() => ({ rate, burst }), new RateBucketsRepository(dataSource));
  };

  beforeAll(async () => {
    iso = await isolatedEnv();
    const first = await openDataSource(appDataSourceConfig(gatewayApp, iso.databaseUrl));
    dataSources.push(first);
    await migrate(first);
  });

  afterAll(async () => {
    for (const dataSource of dataSources) await dataSource.destroy();
    await iso?.dispose();
  });

  it('admits the burst once across three replicas asking at the same time, and no more', async () => {
    // A rate this low refills nothing worth a token while the test runs: what is admitted is the burst alone.
    const replicas = await Promise.all([replica(0.001, 25), replica(0.001, 25), replica(0.001, 25)]);
    const decisions = await Promise.all(Array.from({ length: 90 }, (_, i) => replicas[i % 3].take('SPJ', 1)));
    expect(decisions.filter((d) => d.allowed)).toHaveLength(25);
    expect(decisions.find((d) => !d.allowed)).toEqual({ allowed: false, retryAfterSeconds: 1_000 });
    // Another department has its own bucket.
    expect(await replicas[0].take('SCJG', 1)).toEqual({ allowed: true });
  });

  it('carries a batch’s debt in the shared bucket, where every replica sees it', async () => {
    const [a, b] = await Promise.all([replica(1, 10), replica(1, 10)]);
    expect(await a.take('ZFW', 40)).toEqual({ allowed: true }); // 10 - 40: 30 tokens owed
    const refused = await b.take('ZFW', 1);
    expect(refused).toMatchObject({ allowed: false });
    expect((refused as { retryAfterSeconds: number }).retryAfterSeconds).toBeGreaterThanOrEqual(30);
    const [row] = await dataSources[0].query<{ tokens: number }[]>(
      `SELECT tokens FROM gateway.rate_bucket WHERE department = 'ZFW'`,
    );
    expect(row.tokens).toBeLessThan(-29);
  });
});
