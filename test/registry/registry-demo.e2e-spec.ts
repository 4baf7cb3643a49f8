import {
  AppProcess,
  DepartmentSystems,
  IsolatedEnv,
  eventually,
  hubProcessEnv,
  isolatedEnv,
  processEnv,
  startAppProcess,
} from '@hub/testing';
import { seedDemoRegistry } from '../../tools/seed-registry';

const ADMIN = { accessKeyId: 'AKE2EREGISTRYDEMO', secret: 'e2e-registry-demo-secret-0123456789' };

interface Measures {
  zone: {
    coverage: { granted: number; aggregated: number };
    authenticity: { records: number; failed: Record<string, number> };
  };
  seals: {
    filing: Record<string, { active: number; filed: number }>;
    establishments: { late: number; inTime: number };
  };
  openGaps: Record<string, number>;
}

/** `npm start`'s 电子证照 demo data through the gateway: real gaps of every kind for the report pages, seeded once. */
describe('the registry demo data', () => {
  let iso: IsolatedEnv;
  const apps: AppProcess[] = [];
  let systems: DepartmentSystems;

  beforeAll(async () => {
    iso = await isolatedEnv();
    const envOf = await hubProcessEnv(
      processEnv(iso, {
        HUB_ADMIN_ACCESS_KEY_ID: ADMIN.accessKeyId,
        HUB_ADMIN_SECRET: ADMIN.secret,
        SCHEDULER_INTERVAL_MS: '200',
      }),
    );
    apps.push(await startAppProcess('registry', envOf('registry')));
    const gateway = await startAppProcess('gateway', envOf('gateway'));
    apps.push(gateway);
    // The demo data comes from the 审批局's demo system, `approval` (tools/seed-demo.ts).
    systems = new DepartmentSystems(gateway.url, ADMIN, 'approval');
  });

  afterAll(async () => {
    for (const app of apps) await app.stop();
    await iso?.dispose();
  });

  it('shows missing, late, tampered and forged licences, late seal sets and an unfiled department seal; again, nothing new', async () => {
    const spj = await systems.credential('SPJ');
    await seedDemoRegistry(systems.gatewayUrl, spj);
    const expected = {
      zone: {
        coverage: { granted: 45, aggregated: 34 },
        authenticity: { records: 35, failed: { digest: 1, signature: 1 } },
      },
      seals: { filing: { department: { active: 2, filed: 1 } }, establishments: { late: 2, inTime: 3 } },
      openGaps: { 'licence-missing': 11, 'licence-invalid': 2, 'seal-not-filed': 1, 'seal-set-late': 2 },
    };
    const measures = async () => (await systems.call<Measures>('registry', 'SCJG', 'GET', '/v1/coverage')).body;
    const gaps = async () =>
      (await systems.call<{ gaps: unknown[] }>('registry', 'SCJG', 'GET', '/v1/gaps?limit=100')).body.gaps;
    await eventually(async () => expect(await measures()).toMatchObject(expected)).catch(async (error: Error) => {
      throw new Error(`${error.message}\ngaps: ${JSON.stringify(await gaps(), null, 1)}`);
    });
    await seedDemoRegistry(systems.gatewayUrl, spj);
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect(await measures()).toMatchObject(expected);
  });
});
