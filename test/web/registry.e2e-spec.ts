import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { Browser, Page, chromium } from 'playwright-core';
import { ELicenceIssuedV1, LicenceGrantedV1 } from '@hub/contracts';
import { demoUscc } from '@hub/demo';
import {
  AppProcess,
  DepartmentSystems,
  IsolatedEnv,
  eventually,
  freePort,
  hubProcessEnv,
  isolatedEnv,
  processEnv,
  signedCall,
  startAppProcess,
} from '@hub/testing';
import { FOOD_TYPE, Issuer, publish } from '../registry/registry-client';

const ADMIN = { accessKeyId: 'AKE2EWEBREGISTRY', secret: 'e2e-web-registry-secret-0123456789' };
const RUN = randomBytes(3).toString('hex').toUpperCase();
const SCREENSHOTS = path.resolve(__dirname, '..', '..', 'test-output', 'screenshots');
const VIEWER = { username: `spj-viewer-${RUN.toLowerCase()}`, password: `pw-${randomBytes(12).toString('base64url')}` };

/**
 * The 电子证照 report pages in a real Chromium against the hub as processes (gateway, registry, console) on the real
 * broker and database: two licences granted, one e-licence aggregated; the zone's 应归尽归 is 50 % and drills down
 * to the gap of the other.
 */
describe('the 电子证照 report pages in a browser', () => {
  let iso: IsolatedEnv;
  const apps: AppProcess[] = [];
  let consoleUrl: string;
  let browser: Browser;
  const missing = { approvalId: `SP-${RUN}-WEB-MISS`, uscc: demoUscc(620_001) };

  const shot = (page: Page, name: string) =>
    page.screenshot({ path: path.join(SCREENSHOTS, `registry-${name}.png`), fullPage: true });

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    iso = await isolatedEnv();
    const envOf = await hubProcessEnv(
      processEnv(iso, { HUB_ADMIN_ACCESS_KEY_ID: ADMIN.accessKeyId, HUB_ADMIN_SECRET: ADMIN.secret }),
    );
    const gatewayUrl = `http://127.0.0.1:${await freePort()}`;
    apps.push(await startAppProcess('registry', envOf('registry')));
    apps.push(await startAppProcess('gateway', { ...envOf('gateway'), PORT: new URL(gatewayUrl).port }));
    const consoleApp = await startAppProcess('console', { ...envOf('console'), GATEWAY_URL: gatewayUrl });
    apps.push(consoleApp);
    consoleUrl = consoleApp.url;
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });

    const created = await signedCall(gatewayUrl, ADMIN, 'POST', '/v1/admin/people', {
      ...VIEWER,
      displayName: VIEWER.username,
      department: 'SPJ',
      roles: ['viewer'],
    });
    expect(created.status).toBe(201);
    const systems = new DepartmentSystems(gatewayUrl, ADMIN);
    const issuer = new Issuer(RUN);
    const matterCode = `SPJ-SPJY-${RUN}`;
    const type = { name: '食品经营许可证', issuingDepartments: ['SPJ'], matterCodes: [matterCode] };
    expect((await systems.call('registry', 'SPJ', 'PUT', `/v1/licence-types/${FOOD_TYPE}`, type)).status).toBe(201);
    await systems.call('registry', 'SPJ', 'PUT', `/v1/issuer-keys/${issuer.issuer}`, { publicKeyPem: issuer.pem });
    const aggregated = { approvalId: `SP-${RUN}-WEB-OK`, uscc: demoUscc(620_002) };
    for (const g of [missing, aggregated]) {
      const data = { ...g, matterCode, licenceNo: `L-${g.approvalId}`, decidedAt: new Date().toISOString() };
      await publish(systems, 'SPJ', LicenceGrantedV1.type, data, g.uscc);
    }
    const record = issuer.record({
      approvalId: aggregated.approvalId,
      holderUscc: aggregated.uscc,
      holderName: '承德高新区网页测试公司',
    });
    await publish(systems, 'SPJ', ELicenceIssuedV1.type, record, record.licenceId);
  });

  afterAll(async () => {
    await browser?.close();
    for (const app of apps) await app.stop();
    await iso?.dispose();
  });

  it("shows the zone's 应归尽归 rate against the goal and drills down to the gap list, then the enterprise", async () => {
    const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    const page = await context.newPage();
    await page.goto(`${consoleUrl}/login?next=/registry`);
    await page.fill('#username', VIEWER.username);
    await page.fill('#password', VIEWER.password);
    await page.click('form[action="/login"] button[type="submit"]');
    await page.waitForLoadState();
    await eventually(
      async () => {
        await page.goto(`${consoleUrl}/registry`);
        expect(await page.textContent('#zone-coverage')).toBe('50.0%');
      },
      { timeoutMs: 60_000, intervalMs: 500 },
    );
    expect(await page.textContent('#zone')).toContain('（1 / 2，目标 100%）');
    expect(await page.locator('#coverage-by-department [data-label="审批局"]').textContent()).toContain('50.0%');
    expect(await page.locator('nav a[aria-current="page"]').textContent()).toBe('电子证照');
    await shot(page, 'measures');

    await page.click('#zone-coverage');
    await page.waitForLoadState();
    expect(new URL(page.url()).pathname).toBe('/registry/gaps');
    const row = page.locator(`#gaps-table tr[data-gap="licence-missing:${missing.approvalId}"]`);
    expect(await row.count()).toBe(1);
    expect(await row.textContent()).toContain('已许可未归集');
    expect(await page.locator('#gaps-table tbody tr').count()).toBe(1);
    await shot(page, 'gaps');

    const download = page.waitForEvent('download');
    await page.click('#gaps-csv');
    const csv = await (await download).createReadStream();
    const text = await new Promise<string>((resolve) => {
      let all = '';
      csv.on('data', (chunk: Buffer) => (all += chunk.toString('utf8')));
      csv.on('end', () => resolve(all));
    });
    expect(text).toContain(`licence-missing:${missing.approvalId}`);

    await row.locator(`a[href="/registry/enterprises/${missing.uscc}"]`).click();
    await page.waitForLoadState();
    await page.fill('#purpose', '核查许可归集情况');
    await page.click('form button[type="submit"].button');
    await page.waitForLoadState();
    expect(await page.textContent('#enterprise-gaps')).toContain('已许可未归集');
    expect(await page.textContent('main')).toContain('暂无电子证照');
    await shot(page, 'enterprise');
    await context.close();
  });
});
