import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { randomBytes, randomUUID } from 'node:crypto';
import { Browser, BrowserContext, Page, chromium } from 'playwright-core';
import { EnterpriseRegisteredV1, toKafkaMessage } from '@hub/contracts';
import { demoEnterprises, enterpriseRegisteredEvent } from '@hub/demo';
import {
  AppProcess,
  IsolatedEnv,
  applyCounts,
  eventually,
  freePort,
  hubProcessEnv,
  installApplyLog,
  isolatedEnv,
  processEnv,
  signedCall,
  startAppProcess,
  testKafka,
} from '@hub/testing';

const ADMIN = { accessKeyId: 'AKE2EDLQADMIN', secret: 'e2e-dlq-admin-secret-0123456789' };
const RUN = randomBytes(3).toString('hex').toUpperCase();
const SCREENSHOTS = path.resolve(__dirname, '..', '..', 'test-output', 'screenshots');
const POISON = `POISON-${RUN}`;

/**
 * The dead-letter pages in a real Chromium against the hub as processes: the registry fails on an event (a broken
 * projection) and dead-letters it; once the cause is fixed an operator opens the letter, replays it, and the
 * registry applies it once. An auditor sees the same pages, has no form that acts, and a forged POST is refused.
 */
describe('the dead-letter pages in a browser', () => {
  let iso: IsolatedEnv;
  const apps: AppProcess[] = [];
  let consoleUrl: string;
  let gatewayUrl: string;
  let browser: Browser;
  let step = 0;
  let letterId: string;
  const event = enterpriseRegisteredEvent(
    { ...demoEnterprises(1, 930_000)[0]!, name: `承德${POISON}科技有限公司`, legalRepresentative: '欧阳锋' },
    randomUUID(),
  );
  const people = {
    operator: { username: `xxhzx-dlq-operator-${RUN.toLowerCase()}`, roles: ['operator'] },
    auditor: { username: `xxhzx-dlq-auditor-${RUN.toLowerCase()}`, roles: ['auditor'] },
  };
  const password = `pw-${randomBytes(12).toString('base64url')}`;

  const shot = async (page: Page, name: string): Promise<void> => {
    step += 1;
    const file = `dead-letters-${String(step).padStart(2, '0')}-${name}.png`;
    await page.screenshot({ path: path.join(SCREENSHOTS, file), fullPage: true });
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

  const applied = async (): Promise<number> => (await applyCounts(iso.databaseUrl, 'registry')).get(event.id) ?? 0;

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    iso = await isolatedEnv();
    const envOf = await hubProcessEnv(
      processEnv(iso, { HUB_ADMIN_ACCESS_KEY_ID: ADMIN.accessKeyId, HUB_ADMIN_SECRET: ADMIN.secret }),
    );
    const gatewayPort = String(await freePort());
    gatewayUrl = `http://127.0.0.1:${gatewayPort}`;
    apps.push(await startAppProcess('registry', envOf('registry')));
    apps.push(await startAppProcess('gateway', { ...envOf('gateway'), PORT: gatewayPort }));
    const consoleProcess = await startAppProcess('console', { ...envOf('console'), GATEWAY_URL: gatewayUrl });
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
    // The cause: the registry's projection refuses the enterprise (as a broken migration or constraint would).
    await installApplyLog(iso.databaseUrl, 'registry.enterprise', { poisonMarker: POISON });
    // As the gateway, which alone writes the canonical topics.
    const producer = testKafka(iso.brokers, 'gateway').producer();
    await producer.connect();
    await producer.send({
      topic: `${iso.topicPrefix}${EnterpriseRegisteredV1.topic}`,
      messages: [toKafkaMessage(event, 'binary')],
    });
    await producer.disconnect();
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
  });

  afterAll(async () => {
    await browser?.close();
    for (const app of apps) await app.stop();
    await iso?.dispose();
  });

  it('an operator opens the dead letter, replays it once its cause is fixed, and it is applied once', async () => {
    const { context, page } = await signIn(people.operator.username);
    const listUrl = `${consoleUrl}/dead-letters?reason=${encodeURIComponent('poisoned row')}`;
    await eventually(
      async () => {
        await page.goto(listUrl);
        expect(await page.locator('#dead-letters tr[data-status="open"]').count()).toBe(1);
      },
      { timeoutMs: 90_000, intervalMs: 1_000 },
    );
    expect(await applied()).toBe(0);
    await shot(page, 'operator-list');

    await page.click('#dead-letters tr[data-status="open"] a');
    letterId = new URL(page.url()).pathname.split('/').pop()!;
    expect(await page.textContent('[data-testid="letter-reason"]')).toContain('poisoned row');
    expect(await page.textContent('[data-testid="letter-reason"]')).not.toContain('欧阳锋');
    const payload = await page.textContent('#payload');
    expect(payload).toContain('"legalRepresentative": "欧**"');
    expect(payload).not.toContain('欧阳锋');
    await shot(page, 'operator-letter');

    // The cause fixed: the projection takes the enterprise again.
    await installApplyLog(iso.databaseUrl, 'registry.enterprise');
    await page.fill('#replay-note', '登记库投影已修复');
    await page.click('#replay-submit');
    await page.waitForLoadState();
    expect(await page.getAttribute('[data-testid="letter-status"]', 'data-status')).toBe('replayed');
    expect(await page.locator('#replay').count()).toBe(0);
    await eventually(async () => expect(await applied()).toBe(1), { timeoutMs: 60_000 });
    expect(await page.locator('#actions tr[data-action="replayed"]').textContent()).toContain('登记库投影已修复');
    expect(await page.locator('#actions tr[data-action="viewed"]').count()).toBeGreaterThanOrEqual(1);
    await shot(page, 'operator-replayed');

    // A second replay of the same letter is refused (409, field status): still applied once.
    const again = await context.request.post(`${consoleUrl}/dead-letters/${letterId}/replay`, {
      form: { csrf: await csrfOf(page), note: '' },
      maxRedirects: 0,
    });
    expect(again.status()).toBe(409);
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect(await applied()).toBe(1);
    await context.close();
  });

  it('an auditor sees the same pages without a form that acts, and a forged replay is refused', async () => {
    const { context, page } = await signIn(people.auditor.username);
    await page.goto(`${consoleUrl}/dead-letters`);
    expect(await page.locator(`#dead-letters tr[data-id="${letterId}"]`).count()).toBe(1);
    expect(await page.locator('form[method="post"][action^="/dead-letters"]').count()).toBe(0);
    expect(await page.locator('input[name="ids"]').count()).toBe(0);
    await shot(page, 'auditor-list');
    await page.goto(`${consoleUrl}/dead-letters/${letterId}`);
    expect(await page.textContent('#payload')).toContain('"legalRepresentative": "欧**"');
    expect(await page.locator('#replay, #discard').count()).toBe(0);
    await shot(page, 'auditor-letter');

    // Forged: the auditor's own session and CSRF token (from the logout form), posting what an operator would.
    const csrf = await csrfOf(page);
    for (const target of [
      `/dead-letters/${letterId}/replay`,
      '/dead-letters/replay',
      `/dead-letters/${letterId}/discard`,
    ]) {
      const forged = await context.request.post(`${consoleUrl}${target}`, {
        form: { csrf, ids: letterId, note: 'forged', confirm: 'yes' },
        maxRedirects: 0,
      });
      expect([target, forged.status()]).toEqual([target, 403]);
      expect(await forged.text()).toContain('此操作需要以下角色之一：运维');
    }
    // The app refuses it too, without the console: the auditor's session straight at the gateway's door.
    const session = (await context.cookies()).find((c) => c.name === 'hub_session')!.value;
    const direct = await fetch(`${gatewayUrl}/v1/console/dead-letters/${letterId}/replay`, {
      method: 'POST',
      headers: {
        'hub-session': session,
        'hub-csrf': csrf,
        'hub-client-address': '127.0.0.1',
        'content-type': 'application/json',
      },
      body: '{}',
    });
    expect(direct.status).toBe(403);
    await page.goto(`${consoleUrl}/dead-letter-records`);
    expect(await page.locator('#actions tr[data-action="replayed"]').count()).toBe(1);
    expect(await page.locator('#visibility select').count()).toBe(0);
    await shot(page, 'auditor-records');
    expect(await applied()).toBe(1);
    await context.close();
  });
});

/** The session's CSRF token, as every form of the page carries it (the logout form at least). */
async function csrfOf(page: Page): Promise<string> {
  return (await page.getAttribute('form[action="/logout"] input[name="csrf"]', 'value'))!;
}
