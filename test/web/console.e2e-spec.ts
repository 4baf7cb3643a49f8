import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
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

const ADMIN = { accessKeyId: 'AKE2EWEBADMIN', secret: 'e2e-web-admin-secret-0123456789' };
const RUN = randomBytes(3).toString('hex').toUpperCase();
const SCREENSHOTS = path.resolve(__dirname, '..', '..', 'test-output', 'screenshots');

interface Account {
  username: string;
  password: string;
  department: string;
  roles: string[];
  id?: string;
}

const account = (username: string, department: string, roles: string[]): Account => ({
  username: `${username}-${RUN.toLowerCase()}`,
  password: `pw-${randomBytes(12).toString('base64url')}`,
  department,
  roles,
});

/**
 * The web front end in a real Chromium (Debian's, driven by playwright-core) against the hub as processes on the
 * real broker and database: the gateway (accounts, sessions, the door), approval, supervision and the console. People
 * sign in at the console, which reaches every app through the gateway with their session.
 */
describe('the console in a browser', () => {
  let iso: IsolatedEnv;
  const apps: AppProcess[] = [];
  let gatewayUrl: string;
  let consoleUrl: string;
  let browser: Browser;
  let step = 0;
  const people = {
    supervisor: account('scjg-supervisor', 'SCJG', ['supervisor']),
    coordinator: account('zfw-coordinator', 'ZFW', ['coordinator']),
    viewer: account('spj-viewer', 'SPJ', ['viewer']),
    locked: account('scjg-viewer', 'SCJG', ['viewer']),
    auditor: account('xxhzx-auditor', 'XXHZX', ['auditor']),
    admin: account('xxhzx-admin', 'XXHZX', ['admin']),
  };
  const pushed = `SP-${RUN}-WEB-PUSHED`;
  const unassigned = `SP-${RUN}-WEB-UNASSIGNED`;

  /** Each step's page, numbered in the order the tests took them, in the git-ignored test-output folder. */
  const shot = async (page: Page, name: string): Promise<void> => {
    step += 1;
    await page.screenshot({
      path: path.join(SCREENSHOTS, `${String(step).padStart(2, '0')}-${name}.png`),
      fullPage: true,
    });
  };

  const signIn = async (person: Account): Promise<{ context: BrowserContext; page: Page }> => {
    const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    const page = await context.newPage();
    await page.goto(`${consoleUrl}/login`);
    await page.fill('#username', person.username);
    await page.fill('#password', person.password);
    await page.click('form[action="/login"] button[type="submit"]');
    await page.waitForLoadState();
    expect(await page.textContent('[data-testid="signed-in-as"]')).toContain(person.username);
    return { context, page };
  };

  /** Reloads `url` until `selector` is on it (the apps learn of pushes and claims over Kafka). */
  const until = async (page: Page, url: string, selector: string): Promise<void> =>
    eventually(
      async () => {
        await page.goto(url);
        expect(await page.locator(selector).count()).toBeGreaterThan(0);
      },
      { timeoutMs: 60_000, intervalMs: 500 },
    );

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    iso = await isolatedEnv();
    const envOf = await hubProcessEnv(
      processEnv(iso, { HUB_ADMIN_ACCESS_KEY_ID: ADMIN.accessKeyId, HUB_ADMIN_SECRET: ADMIN.secret }),
    );
    const gatewayPort = String(await freePort());
    gatewayUrl = `http://127.0.0.1:${gatewayPort}`;
    for (const name of ['approval', 'supervision']) apps.push(await startAppProcess(name, envOf(name)));
    apps.push(await startAppProcess('gateway', { ...envOf('gateway'), PORT: gatewayPort }));
    const consoleApp = await startAppProcess('console', { ...envOf('console'), GATEWAY_URL: gatewayUrl });
    apps.push(consoleApp);
    consoleUrl = consoleApp.url;
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
  });

  afterAll(async () => {
    await browser?.close();
    for (const app of apps) await app.stop();
    await iso?.dispose();
  });

  it('sends a visitor without a session to the login page, and shows the public pages without one', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${consoleUrl}/ledger`);
    expect(new URL(page.url()).pathname).toBe('/login');
    expect(new URL(page.url()).searchParams.get('next')).toBe('/ledger');
    expect(await page.textContent('h1')).toBe('登录');
    await shot(page, 'login');
    await page.goto(`${consoleUrl}/public/`);
    expect(await page.textContent('h1')).toBe('政务公开');
    // The published catalogue, read through the gateway's public door: each matter and who supervises it.
    const row = page.locator('#matters tr', { hasText: 'SPJ-SGXK-003' });
    expect(await row.textContent()).toContain('建筑工程施工许可');
    await shot(page, 'public-matters');
    await page.fill('#q', '食品经营');
    await page.click('#matters button[type=submit]');
    expect(new URL(page.url()).searchParams.get('q')).toBe('食品经营');
    expect(await page.locator('#matters tbody tr').allTextContents()).toEqual([
      expect.stringContaining('食品经营许可'),
    ]);
    await context.close();
  });

  describe('with people registered at the gateway', () => {
    beforeAll(async () => {
      for (const person of Object.values(people)) {
        const created = await signedCall<{ id: string }>(gatewayUrl, ADMIN, 'POST', '/v1/admin/people', {
          username: person.username,
          displayName: person.username,
          department: person.department,
          roles: person.roles,
          password: person.password,
        });
        if (created.status !== 201) throw new Error(`creating ${person.username}: ${JSON.stringify(created.body)}`);
        person.id = created.body.id;
      }
      await publishDecisions(iso.brokers, iso.topicPrefix, [
        decisionEvent(LicenceGrantedV1.type, grant(demoUscc(880_001), pushed, 'SPJ-SPJY-001')),
        // A matter the responsibility lists give no supervising department: it waits in the coordinator's queue.
        decisionEvent(LicenceGrantedV1.type, grant(demoUscc(880_002), unassigned, 'SPJ-XFSD-010')),
      ]);
    });

    it('an SCJG supervisor sees a pushed approval, claims it, records the result and reads both on its timeline', async () => {
      const { context, page } = await signIn(people.supervisor);
      expect(new URL(page.url()).pathname).toBe('/ledger');
      const row = `#unclaimed tr[data-approval="${pushed}"]`;
      await until(page, `${consoleUrl}/ledger`, row);
      await shot(page, 'supervisor-ledger-pushed');

      await page.click(`${row} form[action="/ledger/claims"] button`);
      expect(await page.textContent('.notice')).toContain(`已认领 ${pushed}`);
      const claimed = `#claimedNotSupervised tr[data-approval="${pushed}"]`;
      expect(await page.locator(claimed).count()).toBe(1);
      await shot(page, 'supervisor-claimed');

      await page.click(`${claimed} summary`);
      await page.selectOption(`${claimed} select[name="action"]`, 'on-site-check');
      await page.selectOption(`${claimed} select[name="result"]`, 'compliant');
      await page.fill(`${claimed} textarea[name="findings"]`, '现场检查：经营场所与承诺一致');
      await shot(page, 'supervisor-supervision-form');
      await page.click(`${claimed} form[action="/ledger/supervisions"] button[type="submit"]`);
      expect(await page.textContent('.notice')).toContain(`已记录 ${pushed} 的监管结果`);
      await shot(page, 'supervisor-supervised');

      await until(page, `${consoleUrl}/approvals/${pushed}`, '#steps li[data-kind="supervised"]');
      const steps = await page
        .locator('#steps li')
        .evaluateAll((items) => items.map((li) => `${li.getAttribute('data-kind')} ${li.textContent ?? ''}`));
      expect(steps.find((s) => s.startsWith('claimed '))).toContain(people.supervisor.username);
      expect(steps.find((s) => s.startsWith('supervised '))).toEqual(expect.stringContaining('现场检查'));
      expect(steps.find((s) => s.startsWith('supervised '))).toEqual(expect.stringContaining('符合要求'));
      await shot(page, 'timeline-claimed-and-supervised');
      await context.close();
    });

    it('the coordinator assigns an unassigned approval and it appears in the chosen department’s ledger', async () => {
      const coordinator = await signIn(people.coordinator);
      const row = `#unassigned tr[data-approval="${unassigned}"]`;
      await until(coordinator.page, `${consoleUrl}/queue`, row);
      await shot(coordinator.page, 'coordinator-queue');
      await coordinator.page.selectOption(`${row} select[name="department"]`, 'SCJG');
      await coordinator.page.fill(`${row} input[name="note"]`, '由市场监管分局承接');
      await coordinator.page.click(`${row} button[type="submit"]`);
      expect(await coordinator.page.textContent('.notice')).toContain(`已将 ${unassigned} 分派给市场监管分局`);
      await shot(coordinator.page, 'coordinator-assigned');
      await coordinator.context.close();

      const supervisor = await signIn(people.supervisor);
      await until(supervisor.page, `${consoleUrl}/ledger`, `#unclaimed tr[data-approval="${unassigned}"]`);
      await shot(supervisor.page, 'supervisor-ledger-assigned');
      await supervisor.context.close();
    });

    it('an SPJ viewer sees no claim form, and a claim forged from that session is refused with 403', async () => {
      const { context, page } = await signIn(people.viewer);
      expect(await page.textContent('h1')).toContain('审批局');
      expect(await page.locator('form[action="/ledger/claims"]').count()).toBe(0);
      expect(await page.locator('form[action="/ledger/supervisions"]').count()).toBe(0);
      await shot(page, 'viewer-ledger');

      // The forgery: the session's own cookie and CSRF token, a form the page never offered.
      const csrf = await page.inputValue('form[action="/logout"] input[name="csrf"]');
      const [forged] = await Promise.all([
        page.waitForResponse((r) => r.url() === `${consoleUrl}/ledger/claims`),
        page.evaluate(
          ({ token, approvalId }) => {
            const form = document.createElement('form');
            form.method = 'post';
            form.action = '/ledger/claims';
            for (const [name, value] of Object.entries({ csrf: token, approvalId })) {
              const input = document.createElement('input');
              input.type = 'hidden';
              input.name = name;
              input.value = value;
              form.append(input);
            }
            document.body.append(form);
            form.submit();
          },
          { token: csrf, approvalId: unassigned },
        ),
      ]);
      expect(forged.status()).toBe(403);
      await page.waitForLoadState();
      expect(await page.textContent('h1')).toBe('无权执行此操作');
      await shot(page, 'viewer-forged-claim-403');

      // The same claim sent past the console, straight to the gateway with the session: the app refuses it too.
      const token = (await context.cookies()).find((c) => c.name === 'hub_session')?.value;
      expect(token).toBeDefined();
      const straight = await fetch(`${gatewayUrl}/v1/supervision/claims`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'hub-session': token!, 'hub-csrf': csrf },
        body: JSON.stringify({ approvalId: unassigned, actor: people.viewer.username }),
      });
      expect(straight.status).toBe(403);
      expect(((await straight.json()) as { errors?: { field: string }[] }).errors).toEqual(
        expect.arrayContaining([expect.objectContaining({ field: 'roles' })]),
      );
      await context.close();
    });

    it('locks an account after five wrong passwords: the right one is refused then', async () => {
      const context = await browser.newContext();
      const page = await context.newPage();
      const attempt = async (password: string): Promise<number> => {
        await page.goto(`${consoleUrl}/login`);
        await page.fill('#username', people.locked.username);
        await page.fill('#password', password);
        const [answer] = await Promise.all([
          page.waitForResponse((r) => r.url() === `${consoleUrl}/login` && r.request().method() === 'POST'),
          page.click('form[action="/login"] button[type="submit"]'),
        ]);
        await page.waitForLoadState();
        return answer.status();
      };
      const wrong: number[] = [];
      for (let i = 0; i < 5; i++) wrong.push(await attempt(`wrong-password-${i}`));
      expect(wrong.slice(0, 4)).toEqual([401, 401, 401, 401]);
      expect(await page.textContent('.error-summary')).toMatch(/用户名或密码不正确|账户已锁定/);
      await shot(page, 'wrong-password');
      expect(await attempt(people.locked.password)).toBe(423);
      expect(await page.textContent('.error-summary')).toContain('账户已锁定');
      expect(new URL(page.url()).pathname).toBe('/login');
      await shot(page, 'account-locked');
      await context.close();
    });

    it('logout ends the session: the console and the gateway refuse its token afterwards', async () => {
      const { context, page } = await signIn(people.supervisor);
      const token = (await context.cookies()).find((c) => c.name === 'hub_session')?.value;
      expect(token).toBeDefined();
      await page.click('form[action="/logout"] button');
      expect(new URL(page.url()).pathname).toBe('/login');
      expect(await page.textContent('.notice')).toContain('您已退出登录');
      expect((await context.cookies()).find((c) => c.name === 'hub_session')).toBeUndefined();
      await shot(page, 'logged-out');

      // The old token, put back by hand, opens nothing.
      await context.addCookies([{ name: 'hub_session', value: token!, url: consoleUrl }]);
      await page.goto(`${consoleUrl}/ledger`);
      expect(new URL(page.url()).pathname).toBe('/login');
      const current = await fetch(`${gatewayUrl}/v1/people/sessions/current`, { headers: { 'hub-session': token! } });
      expect(current.status).toBe(401);
      await context.close();
    });

    it('the audit of people’s actions lists what they did in the browser, with who, when and from where', async () => {
      const login = await fetch(`${gatewayUrl}/v1/people/sessions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: people.auditor.username, password: people.auditor.password }),
      });
      expect(login.status).toBe(201);
      const { session } = (await login.json()) as { session: string };
      type Action = { action: string; username: string; method?: string; path?: string; status: number };
      const actionsOf = async (person: Account): Promise<Action[]> => {
        const audit = await fetch(
          `${gatewayUrl}/v1/audit/people-actions?limit=500&person=${encodeURIComponent(person.username)}`,
          { headers: { 'hub-session': session } },
        );
        expect(audit.status).toBe(200);
        return (await audit.json()) as Action[];
      };
      // The console passes on the browser's address (Hub-Client-Address): here the loopback Chromium called from.
      const entry = (expected: Partial<Action>) =>
        expect.objectContaining({
          at: expect.any(String),
          address: expect.stringMatching(/127\.0\.0\.1/),
          ...expected,
        });
      const supervisor = await actionsOf(people.supervisor);
      expect(supervisor).toEqual(
        expect.arrayContaining([
          entry({ action: 'login', status: 201 }),
          entry({ action: 'call', method: 'POST', path: '/v1/supervision/claims', status: 200 }),
          entry({ action: 'call', method: 'POST', path: '/v1/supervision/supervisions', status: 201 }),
          entry({ action: 'logout', status: 204 }),
        ]),
      );
      expect(await actionsOf(people.coordinator)).toEqual(
        expect.arrayContaining([
          entry({ action: 'call', method: 'POST', path: `/v1/approval/approvals/${unassigned}/assignments` }),
        ]),
      );
      expect(await actionsOf(people.locked)).toEqual(
        expect.arrayContaining([entry({ action: 'login-failed', status: 401 }), entry({ action: 'login-locked' })]),
      );
    });

    it('an admin opens an account in the browser; disabling it ends its session, re-enabling and re-roling let it back', async () => {
      const admin = await signIn(people.admin);
      await admin.page.click('nav >> text=账户管理');
      expect(await admin.page.textContent('h1')).toBe('账户管理');
      const newcomer = account('scjg-newcomer', 'SCJG', ['viewer']);
      await admin.page.fill('#username', newcomer.username);
      await admin.page.fill('#displayName', newcomer.username);
      await admin.page.selectOption('#department', 'SCJG');
      await admin.page.check('input[name="roles"][value="viewer"]');
      await admin.page.fill('#password', newcomer.password);
      await shot(admin.page, 'admin-create-account');
      await admin.page.click('#create button[type="submit"]');
      expect(await admin.page.textContent('.notice')).toContain(`已创建账户 ${newcomer.username}`);
      const accountUrl = admin.page.url();

      // A bad form names each field and its rule, and changes nothing.
      await admin.page.goto(`${consoleUrl}/admin/people`);
      await admin.page.fill('#username', 'X');
      await admin.page.fill('#displayName', '无效');
      await admin.page.fill('#password', 'short');
      await admin.page.click('#create button[type="submit"]');
      const refusal = await admin.page.textContent('main');
      expect(refusal).toContain('用户名须为 3-64 位');
      expect(refusal).toContain('请至少选择一个角色');
      expect(refusal).toContain('密码至少 12 位');
      await shot(admin.page, 'admin-create-refused');

      const them = await signIn(newcomer);
      expect(await them.page.textContent('[data-testid="signed-in-as"]')).toContain('查看人员');

      await admin.page.goto(accountUrl);
      await admin.page.check('input[name="confirm"]');
      await admin.page.click('#status button[type="submit"]');
      expect(await admin.page.textContent('[data-testid="account-status"]')).toBe('已停用');
      await shot(admin.page, 'admin-account-disabled');
      await them.page.goto(`${consoleUrl}/ledger`);
      expect(new URL(them.page.url()).pathname).toBe('/login');

      await admin.page.click('#status button[type="submit"]');
      await admin.page.check('input[name="roles"][value="supervisor"]');
      await admin.page.uncheck('input[name="roles"][value="viewer"]');
      await admin.page.click('#edit button[type="submit"]');
      expect(await admin.page.textContent('.notice')).toContain(`已保存账户 ${newcomer.username}`);
      await shot(admin.page, 'admin-account-reroled');
      const again = await signIn(newcomer);
      expect(await again.page.textContent('[data-testid="signed-in-as"]')).toContain('监管人员');
      for (const context of [admin.context, them.context, again.context]) await context.close();
    });

    it('an auditor reads the audit page, filtered by person, and may not open the account pages', async () => {
      const { context, page } = await signIn(people.auditor);
      await page.click('nav >> text=操作审计');
      await page.fill('#person', people.supervisor.username);
      await page.click('form.filter button[type="submit"]');
      expect(new URL(page.url()).searchParams.get('person')).toBe(people.supervisor.username);
      const rows = await page.locator('#actions tbody tr').allTextContents();
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.every((row) => row.includes(people.supervisor.username))).toBe(true);
      expect(rows.some((row) => row.includes('POST /v1/supervision/claims'))).toBe(true);
      expect(rows.some((row) => row.includes('登录'))).toBe(true);
      await shot(page, 'auditor-audit-page');
      const refused = await page.goto(`${consoleUrl}/admin/people`);
      expect(refused?.status()).toBe(403);
      expect(await page.textContent('main')).toContain('管理员');
      const forged = await page.evaluate(async () => {
        const response = await fetch('/admin/people', {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: 'username=forged-admin&displayName=x&department=XXHZX&roles=admin&password=forged-password-123',
        });
        return response.status;
      });
      expect(forged).toBe(403);
      await context.close();
    });
  });
});
