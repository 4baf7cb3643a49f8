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
      await dataSource.undoLastMigration();
    } finally {
      await dataSource.destroy();
    }
  });
});
