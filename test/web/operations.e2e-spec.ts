import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { Browser, BrowserContext, Page, chromium } from 'playwright-core';
import { LicenceGrantedV1 } from '@hub/contracts';
import { demoUscc } from '@hub/demo';
import {
  AppProcess,
  IsolatedEnv,
  eventually,
  freePort,
  hubProcessEnv,
  isolatedEnv,
  processEnv,
  signedCall,
  startAppProcess,
} from '@hub/testing';
import { decisionEvent, grant, publishDecisions } from '../linkage/linkage-client';

const ADMIN = { accessKeyId: 'AKE2EOPSADMIN', secret: 'e2e-ops-admin-secret-0123456789' };
const RUN = randomBytes(3).toString('hex').toUpperCase();
const SCREENSHOTS = path.resolve(__dirname, '..', '..', 'test-output', 'screenshots');

/**
 * The operators' pages in a real Chromium against the hub as processes: an app stopped turns not-ready and its
 * consumer group's lag grows while events arrive; started again it is ready and the lag falls; the event ledger's
 * page names a row changed in PostgreSQL. An auditor sees the same pages.
 */
describe('the operators’ pages in a browser', () => {
  let iso: IsolatedEnv;
  let envOf: (name: string) => Record<string, string>;
  const apps: AppProcess[] = [];
  let approval: AppProcess;
  let approvalPort: string;
  let consoleUrl: string;
  let browser: Browser;
  let step = 0;
  const people = {
    operator: { username: `xxhzx-operator-${RUN.toLowerCase()}`, roles: ['operator'] },
    auditor: { username: `xxhzx-auditor-${RUN.toLowerCase()}`, roles: ['auditor'] },
  };
  const password = `pw-${randomBytes(12).toString('base64url')}`;

  const shot = async (page: Page, name: string): Promise<void> => {
    step += 1;
    await page.screenshot({
      path: path.join(SCREENSHOTS, `ops-${String(step).padStart(2, '0')}-${name}.png`),
      fullPage: true,
    });
  };

  const signIn = async (username: string): Promise<{ context: BrowserContext; page: Page }> => {
    const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    const page = await context.newPage();
    await page.goto(`${consoleUrl}/login`);
    await page.fill('#username', username);
    await page.fill('#password', password);
    await page.click('form[action="/login"] button[type="submit"]');
    await page.waitForLoadState();
    expect(await page.textContent('[data-testid="signed-in-as"]')).toContain(username);
    return { context, page };
  };

  /** Reloads `url` until `check` passes on it. */
  const until = async (page: Page, url: string, check: () => Promise<void>): Promise<void> =>
    eventually(
      async () => {
        await page.goto(url);
        await check();
      },
      { timeoutMs: 90_000, intervalMs: 1_000 },
    );

  const approvalLag = async (page: Page): Promise<number> => {
    const cells = await page
      .locator(`#lag tr[data-group="approval"] td[data-lag]`)
      .evaluateAll((tds) => tds.map((td) => Number(td.getAttribute('data-lag'))));
    return cells.reduce((a, b) => a + b, 0);
  };

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    iso = await isolatedEnv();
    envOf = await hubProcessEnv(
      processEnv(iso, { HUB_ADMIN_ACCESS_KEY_ID: ADMIN.accessKeyId, HUB_ADMIN_SECRET: ADMIN.secret }),
    );
    const gatewayPort = String(await freePort());
    approvalPort = String(await freePort());
    const gatewayUrl = `http://127.0.0.1:${gatewayPort}`;
    approval = await startAppProcess('approval', { ...envOf('approval'), PORT: approvalPort });
    apps.push(await startAppProcess('supervision', envOf('supervision')));
    apps.push(await startAppProcess('gateway', { ...envOf('gateway'), PORT: gatewayPort }));
    const consoleProcess = await startAppProcess('console', {
      ...envOf('console'),
      GATEWAY_URL: gatewayUrl,
      OPERATIONS_TARGETS: `gateway=${gatewayUrl},approval=http://127.0.0.1:${approvalPort}`,
      LEDGER_CHECKPOINT_SECONDS: '1',
    });
    apps.push(consoleProcess);
    consoleUrl = consoleProcess.url;
    for (const person of Object.values(people)) {
      const created = await signedCall(gatewayUrl, ADMIN, 'POST', '/v1/admin/people', {
        username: person.username,
        displayName: person.username,
        department: 'XXHZX',
        roles: person.roles,
        password,
      });
      if (created.status !== 201) throw new Error(`creating ${person.username}: ${JSON.stringify(created.body)}`);
    }
    // Something accepted before the pages are opened: approval commits offsets (so its group shows), the ledger has it.
    await publishDecisions(iso.brokers, iso.topicPrefix, [
      decisionEvent(LicenceGrantedV1.type, grant(demoUscc(890_000), `SP-${RUN}-OPS-0`, 'SPJ-SPJY-001')),
    ]);
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
  });

  afterAll(async () => {
    await browser?.close();
    await approval?.stop();
    for (const app of apps) await app.stop();
    await iso?.dispose();
  });

  it('an operator sees an app turn not-ready when stopped, its lag grow, and both recover when it is started', async () => {
    const { context, page } = await signIn(people.operator.username);
    const overview = `${consoleUrl}/operations`;
    await until(page, overview, async () => {
      expect(await page.getAttribute('#replicas tr[data-app="approval"]', 'data-ready')).toBe('true');
      expect(await page.locator('#lag tr[data-group="approval"]').count()).toBeGreaterThan(0);
    });
    await shot(page, 'overview-ready');

    await approval.stop();
    await until(page, overview, async () => {
      expect(await page.getAttribute('#replicas tr[data-app="approval"]', 'data-ready')).toBe('false');
    });
    await publishDecisions(
      iso.brokers,
      iso.topicPrefix,
      [1, 2, 3].map((n) =>
        decisionEvent(LicenceGrantedV1.type, grant(demoUscc(890_000 + n), `SP-${RUN}-OPS-${n}`, 'SPJ-SPJY-001')),
      ),
    );
    await until(page, overview, async () => expect(await approvalLag(page)).toBeGreaterThanOrEqual(3));
    await shot(page, 'overview-stopped-lag-grew');

    approval = await startAppProcess('approval', { ...envOf('approval'), PORT: approvalPort });
    await until(page, overview, async () => {
      expect(await page.getAttribute('#replicas tr[data-app="approval"]', 'data-ready')).toBe('true');
      expect(await approvalLag(page)).toBe(0);
    });
    await shot(page, 'overview-started-lag-fell');
    await context.close();
  });

  it('an auditor sees the same pages, and the ledger page names a row changed in PostgreSQL', async () => {
    const { context, page } = await signIn(people.auditor.username);
    await page.goto(`${consoleUrl}/operations`);
    expect(await page.textContent('h1')).toBe('运行概况');
    await until(page, `${consoleUrl}/event-ledger?verify=1`, async () => {
      expect(await page.textContent('#verification-ok')).toContain('校验通过');
      expect(await page.textContent('#verification-ok')).not.toContain('已固定至第 0 条');
    });
    await shot(page, 'ledger-verified');

    const db = new Client({ connectionString: iso.databaseUrl });
    await db.connect();
    await db.query(`UPDATE console.ledger_entries SET event_id = 'rewritten' WHERE seq = 2`);
    await db.end();
    await page.goto(`${consoleUrl}/event-ledger?verify=1`);
    expect(await page.textContent('.error-summary')).toContain('条目被修改（第 2 条）');
    await shot(page, 'ledger-tampered');
    await context.close();
  });
});
