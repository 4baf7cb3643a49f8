import { randomBytes } from 'node:crypto';
import { EnterpriseRegisteredV1 } from '@hub/contracts';
import { demoEnterprises } from '@hub/demo';
import { verifyDrawRecord } from '@hub/draw';
import { HubClient } from '@hub/sdk';
import {
  AppProcess,
  IsolatedEnv,
  hubProcessEnv,
  isolatedEnv,
  processEnv,
  signedCall,
  startAppProcess,
} from '@hub/testing';
import { DEMO_ENTERPRISES } from '../../tools/seed-demo';
import { seedDemoInspection } from '../../tools/seed-inspection';

const ADMIN = { accessKeyId: 'AKE2EINSPECTSEED', secret: `e2e-inspection-seed-${randomBytes(12).toString('hex')}` };

/** `npm start`'s inspection demo against the gateway and the inspection app as processes: a real, verifiable record. */
describe('the inspection demo of npm start', () => {
  let iso: IsolatedEnv;
  const apps: AppProcess[] = [];
  let gateway: AppProcess;

  const system = async (department: string, name: string) => {
    const registered = await signedCall<{ credential: { accessKeyId: string; secret: string } }>(
      gateway.url,
      ADMIN,
      'POST',
      '/v1/admin/systems',
      { department, name },
    );
    return { ...registered.body.credential, source: `/departments/${department}/systems/${name}` };
  };

  beforeAll(async () => {
    iso = await isolatedEnv();
    const envOf = await hubProcessEnv(
      processEnv(iso, { HUB_ADMIN_ACCESS_KEY_ID: ADMIN.accessKeyId, HUB_ADMIN_SECRET: ADMIN.secret }),
    );
    apps.push(await startAppProcess('inspection', envOf('inspection')));
    gateway = await startAppProcess('gateway', envOf('gateway'));
    apps.push(gateway);
  });

  afterAll(async () => {
    for (const app of apps) await app.stop();
    await iso?.dispose();
  });

  it('grades the demo zone, lists items and inspectors, draws a joint plan with results; again, adds nothing', async () => {
    const spj = new HubClient({ url: gateway.url, ...(await system('SPJ', 'registration')), retries: 5 });
    const registrations = demoEnterprises(DEMO_ENTERPRISES).map((data) => ({
      id: `seed-${data.uscc}`,
      source: '/departments/SPJ/systems/registration',
      type: EnterpriseRegisteredV1.type,
      subject: data.uscc,
      data,
    }));
    expect((await spj.publishBatch(registrations)).status).toBe(202);
    const scjg = await system('SCJG', 'supervision');
    const yjj = await system('YJJ', 'inspection');
    expect(await seedDemoInspection(gateway.url, scjg, yjj)).toMatch(/DEMO-2026-JOINT.*6 new results/);
    expect(await seedDemoInspection(gateway.url, scjg, yjj)).toMatch(/0 new results/);

    const response = await fetch(`${gateway.url}/v1/inspection/public/draws/DEMO-2026-JOINT.1`);
    const record = (await response.json()) as Record<string, unknown>;
    expect(verifyDrawRecord(record).ok).toBe(true);
    expect((record.departments as { code: string }[]).map((d) => d.code)).toEqual(['SCJG', 'YJJ']);
    const results = (await (
      await fetch(`${gateway.url}/v1/inspection/public/results?planId=DEMO-2026-JOINT`)
    ).json()) as unknown[];
    expect(results).toHaveLength(6);
  });
});
