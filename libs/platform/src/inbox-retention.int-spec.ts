import { DataSource } from 'typeorm';
import { HubEnv } from '@hub/config';
import { HubMetrics } from '@hub/observability';
import { migrate, openDataSource } from '@hub/persistence';
import { IsolatedEnv, isolatedEnv } from '@hub/testing';
import { HubAppName, appDataSourceConfig } from './hub-app';
import { InboxRetention } from './inbox-retention';

/** Inbox retention against the real inbox tables, aged by setting applied_at rather than by waiting. */
describe('inbox retention', () => {
  let iso: IsolatedEnv;
  const sources: Partial<Record<HubAppName, DataSource>> = {};

  const inbox = async (name: HubAppName): Promise<DataSource> => {
    const dataSource = await openDataSource(
      appDataSourceConfig({ name, modules: [], entities: [], migrations: [] }, iso.databaseUrl),
    );
    await migrate(dataSource);
    return (sources[name] = dataSource);
  };
  const table = (dataSource: DataSource): string => `"${(dataSource.options as { schema: string }).schema}".inbox`;
  /** Rows `id-1`… applied `hoursAgo` hours ago. */
  const applied = async (dataSource: DataSource, id: string, count: number, hoursAgo: number): Promise<void> => {
    await dataSource.query(
      `INSERT INTO ${table(dataSource)} (consumer, source, event_id, applied_at)
       SELECT 'retention-test', '/departments/SPJ/systems/registration', $1 || '-' || n, now() - make_interval(hours => $3)
         FROM generate_series(1, $2) AS n`,
      [id, count, hoursAgo],
    );
  };
  const left = async (dataSource: DataSource): Promise<string[]> =>
    (await dataSource.query<{ event_id: string }[]>(`SELECT event_id FROM ${table(dataSource)} ORDER BY event_id`)).map(
      (r) => r.event_id,
    );
  const retention = (dataSource: DataSource, hours: number, metrics = new HubMetrics('test', false), batch = 3) =>
    new InboxRetention(dataSource, { ...iso.env, INBOX_RETENTION_HOURS: hours } as HubEnv, metrics, batch);

  beforeAll(async () => {
    iso = await isolatedEnv();
    await inbox('registry');
    await inbox('console');
  });

  beforeEach(async () => {
    for (const dataSource of Object.values(sources)) await dataSource.query(`DELETE FROM ${table(dataSource)}`);
  });

  afterAll(async () => {
    for (const dataSource of Object.values(sources)) await dataSource.destroy();
    await iso?.dispose();
  });

  it('deletes the rows older than the retention, a batch at a time until none are left, and counts them', async () => {
    const registry = sources.registry!;
    await applied(registry, 'old', 7, 200);
    await applied(registry, 'recent', 2, 100);
    const metrics = new HubMetrics('registry', false);

    expect(await retention(registry, 168, metrics).prune()).toEqual({ rows: 7, batches: 3 });
    expect(await left(registry)).toEqual(['recent-1', 'recent-2']);
    expect((await metrics.inboxPruned.get()).values[0].value).toBe(7);
    expect(await metrics.registry.metrics()).toMatch(/^hub_inbox_pruned_total\{app="registry"\} 7$/m);

    expect(await retention(registry, 168, metrics).prune()).toEqual({ rows: 0, batches: 1 });
    expect(await left(registry)).toEqual(['recent-1', 'recent-2']);
  });

  it('keeps every row with a retention of 0', async () => {
    const registry = sources.registry!;
    await applied(registry, 'ancient', 2, 24 * 365 * 5);
    expect(await retention(registry, 0).prune()).toBeUndefined();
    expect(await left(registry)).toEqual(['ancient-1', 'ancient-2']);
  });

  it("skips the round while another replica prunes the same schema's inbox, not another schema's", async () => {
    const { registry, console } = sources as Required<typeof sources>;
    await applied(registry, 'old', 2, 200);
    await applied(console, 'old', 2, 200);
    const job = retention(registry, 168);
    const otherReplica = registry.createQueryRunner();
    await otherReplica.startTransaction();
    try {
      await otherReplica.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [job.lockKey]);
      expect(await job.prune()).toBeUndefined();
      expect(await left(registry)).toHaveLength(2);
      expect(await retention(console, 168).prune()).toEqual({ rows: 2, batches: 1 });
    } finally {
      await otherReplica.rollbackTransaction();
      await otherReplica.release();
    }
    expect(await job.prune()).toEqual({ rows: 2, batches: 1 });
    expect(await left(registry)).toEqual([]);
  });
});
