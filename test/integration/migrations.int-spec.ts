import { approvalApp } from '../../apps/approval/src/approval.app';
import { consoleApp } from '../../apps/console/src/console.app';
import { gatewayApp } from '../../apps/gateway/src/gateway.app';
import { inspectionApp } from '../../apps/inspection/src/inspection.app';
import { registryApp } from '../../apps/registry/src/registry.app';
import { supervisionApp } from '../../apps/supervision/src/supervision.app';
import { migrate, openDataSource, schemaDrift } from '@hub/persistence';
import { appDataSourceConfig } from '@hub/platform';
import { IsolatedEnv, isolatedEnv } from '@hub/testing';

const APPS = [gatewayApp, approvalApp, supervisionApp, inspectionApp, registryApp, consoleApp];

/** Fails when an entity and the migrations disagree: the schema the migrations build must be what the code maps. */
describe('migrations', () => {
  let iso: IsolatedEnv;

  beforeAll(async () => {
    iso = await isolatedEnv();
  });

  afterAll(async () => {
    await iso.dispose();
  });

  it.each(APPS.map((app) => [app.name, app] as const))('build exactly what the %s entities map', async (_, app) => {
    const config = appDataSourceConfig(app, iso.databaseUrl);
    const dataSource = await openDataSource(config);
    try {
      const applied = await migrate(dataSource);
      expect(applied.length).toBe(config.migrations.length);
      expect(await schemaDrift(dataSource)).toEqual([]);
      expect(await migrate(dataSource)).toEqual([]); // a second run has nothing to do
      expect(await dataSource.query('SHOW random_page_cost')).toEqual([{ random_page_cost: '1.1' }]);
      await dataSource.undoLastMigration();
    } finally {
      await dataSource.destroy();
    }
  });

  it('let every app, and a second gateway, migrate one database at once (as `npm start` boots them)', async () => {
    // No migration may wait for another for ever (CREATE INDEX CONCURRENTLY did: column-index.ts).
    const fresh = await isolatedEnv();
    const configs = [...APPS, gatewayApp].map((app) => appDataSourceConfig(app, fresh.databaseUrl));
    const dataSources = await Promise.all(configs.map((config) => openDataSource(config)));
    try {
      const applied = await Promise.all(dataSources.map((dataSource) => migrate(dataSource)));
      const perSchema = new Map<string, number>();
      configs.forEach((c, i) => perSchema.set(c.schema, (perSchema.get(c.schema) ?? 0) + applied[i].length));
      expect(Object.fromEntries(perSchema)).toEqual(
        Object.fromEntries(APPS.map((app) => [app.name, appDataSourceConfig(app, '').migrations.length])),
      );
      for (const dataSource of dataSources) expect(await schemaDrift(dataSource)).toEqual([]);
    } finally {
      for (const dataSource of dataSources) await dataSource.destroy();
      await fresh.dispose();
    }
  });
});
