import { randomBytes } from 'node:crypto';
import { Browser, chromium } from 'playwright-core';
import iconv from 'iconv-lite';
import {
  EnterpriseRegisteredV1,
  LicenceGrantedV1,
  ResultReportedV1,
  RiskClassGradedV1,
  TaskAssignedV1,
  egressTopic,
} from '@hub/contracts';
import { demoEnterprises } from '@hub/demo';
import { verifyDrawRecord } from '@hub/draw';
import { HubClient } from '@hub/sdk';
import {
  AppProcess,
  IsolatedEnv,
  WebhookReceiver,
  eventually,
  hubProcessEnv,
  isolatedEnv,
  processEnv,
  readTopic,
  signedCall,
  startAppProcess,
} from '@hub/testing';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const ADMIN = { accessKeyId: 'AKE2EINSPECTADMIN', secret: `e2e-inspection-${randomBytes(12).toString('hex')}` };
const PASSWORD = 'correct horse battery staple';
const FOOD = 'SPJ-SPJY-001';
const [E0, E1, E2, E3] = demoEnterprises(4, 890_000);

/**
 * 双随机、一公开 end to end: the gateway and the inspection app as processes on the real broker and database. The
 * 审批局's system registers enterprises and grants a licence, 市场监管分局's grades them; supervisors of SCJG and
 * 应急局 fill the directories (CSV through the door, one file in GB18030), run a joint plan — locked with its
 * commitment public, drawn — and its tasks reach both departments' systems (SCJG on its egress topic, YJJ by
 * webhook); results come back through the gateway and are published; the public reads it all without signing in.
 */
describe('a joint inspection through the door', () => {
  let iso: IsolatedEnv;
  const apps: AppProcess[] = [];
  let gateway: AppProcess;
  let receiver: WebhookReceiver;
  let consoleUrl: string;
  const systems: Record<string, HubClient> = {};
  const sessions: Record<string, { session: string; csrf: string }> = {};

  async function as<T>(who: string, method: string, path: string, body?: unknown, contentType = 'application/json') {
    const headers: Record<string, string> = {
      'hub-session': sessions[who]!.session,
      'hub-csrf': sessions[who]!.csrf,
      'hub-client-address': '10.1.2.3',
    };
    if (body !== undefined) headers['content-type'] = contentType;
    const payload =
      body === undefined
        ? undefined
        : Buffer.isBuffer(body)
          ? new Uint8Array(body)
          : typeof body === 'string'
            ? body
            : JSON.stringify(body);
    const response = await fetch(`${gateway.url}/v1/inspection${path}`, { method, headers, body: payload });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T };
  }
  async function publicGet<T>(path: string) {
    const response = await fetch(`${gateway.url}/v1/inspection/public${path}`);
    return { status: response.status, body: (await response.json()) as T };
  }
  async function importCsv(who: string, kind: string, file: Buffer) {
    const job = await as<Json>(who, 'POST', '/imports', { kind });
    expect(job.status).toBe(201);
    const done = await as<Json>(who, 'PUT', `/imports/${job.body.id}/file`, file, 'text/csv');
    expect(done.status).toBe(200);
    return done.body;
  }
  const publish = async (department: string, type: string, data: object) => {
    const receipt = await systems[department]!.publish({
      source: `/departments/${department}/systems/e2e`,
      type,
      subject: (data as { uscc: string }).uscc,
      data,
    });
    expect(receipt).toBeDefined();
  };

  beforeAll(async () => {
    iso = await isolatedEnv();
    const envOf = await hubProcessEnv(
      processEnv(iso, {
        HUB_ADMIN_ACCESS_KEY_ID: ADMIN.accessKeyId,
        HUB_ADMIN_SECRET: ADMIN.secret,
        DELIVERY_BACKOFF_BASE_MS: '100',
        DELIVERY_BACKOFF_MAX_MS: '500',
        DELIVERY_POLL_MS: '200',
      }),
    );
    apps.push(await startAppProcess('inspection', envOf('inspection')));
    gateway = await startAppProcess('gateway', envOf('gateway'));
    apps.push(gateway);
    const web = await startAppProcess('console', { ...envOf('console'), GATEWAY_URL: gateway.url });
    apps.push(web);
    consoleUrl = web.url;
    receiver = await WebhookReceiver.start();
    for (const department of ['SPJ', 'SCJG', 'YJJ']) {
      const registered = await signedCall<{ credential: { accessKeyId: string; secret: string } }>(
        gateway.url,
        ADMIN,
        'POST',
        '/v1/admin/systems',
        { department, name: 'e2e' },
      );
      systems[department] = new HubClient({ url: gateway.url, ...registered.body.credential, retries: 5 });
    }
    for (const [username, department] of [
      ['scjg-sup', 'SCJG'],
      ['yjj-sup', 'YJJ'],
    ] as const) {
      const created = await signedCall(gateway.url, ADMIN, 'POST', '/v1/admin/people', {
        username,
        displayName: username,
        department,
        roles: ['supervisor'],
        password: PASSWORD,
      });
      expect(created.status).toBe(201);
      const login = await fetch(`${gateway.url}/v1/people/sessions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'hub-client-address': '10.9.8.7' },
        body: JSON.stringify({ username, password: PASSWORD }),
      });
      sessions[username] = (await login.json()) as { session: string; csrf: string };
    }
  });

  afterAll(async () => {
    await receiver?.close();
    for (const app of apps) await app.stop();
    await iso?.dispose();
  });

  it('fills the directories from the register, the grading and CSV files with bad rows (one in GB18030)', async () => {
    for (const e of [E0, E1, E2, E3]) await publish('SPJ', EnterpriseRegisteredV1.type, e!);
    await publish('SPJ', LicenceGrantedV1.type, {
      ...LicenceGrantedV1.example,
      uscc: E0!.uscc,
      matterCode: FOOD,
      commitments: undefined,
    });
    await publish('SCJG', RiskClassGradedV1.type, {
      uscc: E1!.uscc,
      riskClass: 'D',
      gradedOn: '2026-10-08',
      source: '分类系统',
    });
    await eventually(async () => {
      const target = await as<Json>('scjg-sup', 'GET', `/targets/${E0!.uscc}`);
      expect(target.body.licences).toEqual([expect.objectContaining({ matterCode: FOOD, status: 'valid' })]);
      expect((await as<Json>('scjg-sup', 'GET', `/targets/${E1!.uscc}`)).body.riskClass).toBe('D');
    });

    const scjgStaff = [
      '执法证号,姓名,有效期起,有效期至',
      'S-01,王强,2024-01-01,2027-12-31',
      'S-02,李明,2024-01-01,2027-12-31',
      'S-03,赵刚,2024-01-01,2027-12-31',
      'S-04,孙丽,2024-01-01,2027-02-30',
    ].join('\n');
    const utf8 = await importCsv('scjg-sup', 'inspectors', Buffer.from(scjgStaff));
    expect(utf8).toMatchObject({ state: 'done', encoding: 'utf-8', imported: 3, rejected: 1 });
    expect(utf8.errors).toEqual([expect.objectContaining({ line: 5, column: '有效期至', rule: 'isCalendarDate' })]);
    const yjjStaff = [
      '执法证号,姓名,有效期起,有效期至',
      'Y-01,吴敏,2024-01-01,2027-12-31',
      ',无证号,2024-01-01,2027-12-31',
      'Y-02,郑华,2024-01-01,2027-12-31',
    ].join('\r\n');
    const gb = await importCsv('yjj-sup', 'inspectors', iconv.encode(yjjStaff, 'gb18030'));
    expect(gb).toMatchObject({ state: 'done', encoding: 'gb18030', imported: 2, rejected: 1 });
    expect(gb.errors).toEqual([expect.objectContaining({ line: 3, column: '执法证号', rule: 'required' })]);

    for (const [who, department, code, licenceTypes] of [
      ['scjg-sup', 'SCJG', 'SCJG-SP-001', [FOOD]],
      ['scjg-sup', 'SCJG', 'SCJG-GS-001', []],
      ['yjj-sup', 'YJJ', 'YJJ-AQ-001', []],
    ] as const) {
      const item = {
        name: `${code} 检查`,
        legalBasis: '《企业信息公示暂行条例》',
        keyItem: true,
        enterpriseKinds: [],
        licenceTypes,
      };
      expect((await as(who, 'PUT', `/items/${department}/${code}`, item)).status).toBe(200);
    }
  });

  const plan = (id: string, departments: Json[]) => ({
    id,
    title: `${id} 双随机抽查`,
    year: 2026,
    departments,
    ratios: { A: 10000, B: 10000, C: 10000, D: 10000, unrated: 10000 },
    enterpriseAnnualCap: 1,
    inspectionDate: '2026-12-15',
  });

  it('locks a joint plan (commitment public, an enterprise at its cap excluded with the reason) and draws it', async () => {
    expect(
      (
        await systems.SCJG!.request<Json>('POST', '/v1/inspection/plans', {
          body: plan('E2E-P0', [{ code: 'SCJG', inspectorsPerTarget: 2, itemCodes: ['SCJG-SP-001'] }]),
        })
      ).id,
    ).toBe('E2E-P0');
    expect((await as('scjg-sup', 'POST', '/plans/E2E-P0/lock')).status).toBe(200);
    expect((await as('scjg-sup', 'POST', '/plans/E2E-P0/draws', { entropy: '1 2 3', witness: '体彩' })).status).toBe(
      201,
    );

    const joint = [
      { code: 'SCJG', inspectorsPerTarget: 2, itemCodes: ['SCJG-GS-001'] },
      { code: 'YJJ', inspectorsPerTarget: 1, itemCodes: ['YJJ-AQ-001'] },
    ];
    expect((await as('scjg-sup', 'POST', '/plans', plan('E2E-P1', joint))).status).toBe(201);
    await systems.SCJG!.createSubscription({ eventTypes: [TaskAssignedV1.type], mode: 'egress' });
    const hook = await systems.YJJ!.createSubscription({
      eventTypes: [TaskAssignedV1.type],
      mode: 'webhook',
      webhookUrl: receiver.url,
    });
    receiver.secrets.push(hook.webhookSecret!);

    const locked = await as<Json>('scjg-sup', 'POST', '/plans/E2E-P1/lock');
    expect(locked.status).toBe(200);
    const shown = await publicGet<Json>('/plans/E2E-P1');
    expect(shown.status).toBe(200);
    expect(shown.body).toMatchObject({
      state: 'locked',
      commitment: locked.body.commitment,
      candidateDigest: locked.body.candidateDigest,
    });
    expect(shown.body.exclusions).toEqual([
      { uscc: E0!.uscc, name: E0!.name, reason: '本年度已被抽查 1 次，达到每年 1 次的上限' },
    ]);

    const drawn = await as<Json>('yjj-sup', 'POST', '/plans/E2E-P1/draws', {
      entropy: '2026-12-05 排列3 0 4 7',
      witness: '体彩排列3',
    });
    expect(drawn.status).toBe(201);
    const record = (await publicGet<Json>('/draws/E2E-P1.1')).body;
    expect(verifyDrawRecord(record).ok).toBe(true);
    expect(record.targets.map((t: Json) => t.uscc).sort()).toEqual([E1, E2, E3].map((e) => e!.uscc).sort());

    const egress = await readTopic(
      iso.brokers,
      `${iso.topicPrefix}${egressTopic('SCJG')}`,
      (m) => m.filter((x) => x.value.includes('E2E-P1')).length >= 3,
    );
    expect(egress.filter((x) => x.value.includes('E2E-P1')).map((x) => JSON.parse(x.value).department)).toEqual([
      'SCJG',
      'SCJG',
      'SCJG',
    ]);
    await eventually(
      () => expect(receiver.accepted.filter((r) => r.event.type === TaskAssignedV1.type)).toHaveLength(3),
      { timeoutMs: 60_000 },
    );
    expect(receiver.accepted.map((r) => (r.event.data as Json).department)).toEqual(['YJJ', 'YJJ', 'YJJ']);
  });

  it('takes results back through the gateway and publishes them', async () => {
    const yjjTask = receiver.accepted[0]!.event.data as Json;
    await systems.YJJ!.publish({
      source: '/departments/YJJ/systems/e2e',
      type: ResultReportedV1.type,
      subject: yjjTask.uscc,
      data: {
        taskId: yjjTask.taskId,
        planId: 'E2E-P1',
        drawId: 'E2E-P1.1',
        uscc: yjjTask.uscc,
        department: 'YJJ',
        category: 'no-problem',
        findings: '未发现安全隐患',
        resultOn: '2026-12-15',
        publish: true,
      },
    });
    const scjgTask = (await as<Json[]>('scjg-sup', 'GET', '/tasks?planId=E2E-P1')).body[0]!;
    const entered = await as<Json>('scjg-sup', 'POST', `/tasks/${scjgTask.id}/result`, {
      category: 'rectification-ordered',
      findings: '未按规定公示年报',
      rectification: '责令 10 日内改正',
      resultOn: '2026-12-15',
      publish: true,
    });
    expect(entered.status).toBe(200);
    await eventually(async () => {
      const results = (await publicGet<Json[]>('/results?planId=E2E-P1')).body;
      expect(results.map((r) => `${r.department}:${r.category}`).sort()).toEqual([
        'SCJG:rectification-ordered',
        'YJJ:no-problem',
      ]);
    });
    const byName = (await publicGet<Json[]>(`/targets?q=${encodeURIComponent(E1!.name.slice(0, 6))}`)).body;
    expect(byName.map((t) => t.uscc)).toContain(E1!.uscc);
    expect((await publicGet<Json>('/plans/E2E-P1')).body.completion).toEqual({ tasks: 6, done: 2, rate: 2 / 6 });
  });

  it('verifies the record in a real Chromium from the public page, and fails it with one field changed', async () => {
    const browser: Browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
    try {
      const page = await browser.newPage();
      await page.goto(`${consoleUrl}/public/draws`);
      await page.getByRole('link', { name: 'E2E-P1.1' }).click();
      await page.waitForURL(/\/public\/draws\/E2E-P1\.1$/);
      expect(await page.textContent('main')).toContain('王强（S-01）');
      await page.getByRole('button', { name: '在本浏览器中验证' }).click();
      await page.waitForSelector("[data-draw-verify-output][data-state='passed']");

      const record = (await (await fetch(`${consoleUrl}/public/v1/draws/E2E-P1.1`)).json()) as Json;
      await page.route('**/public/v1/draws/E2E-P1.1', (route) =>
        route.fulfill({ json: { ...record, entropy: `${record.entropy} ` } }),
      );
      await page.reload();
      await page.getByRole('button', { name: '在本浏览器中验证' }).click();
      await page.waitForSelector("[data-draw-verify-output][data-state='failed']");
      expect(await page.textContent('[data-draw-verify-output]')).toContain('seedHex');
      expect((await fetch(`${consoleUrl}/public/v1/draws/NO-SUCH`)).status).toBe(404);
    } finally {
      await browser.close();
    }
  });

  it("lets SCJG's supervisor lock and draw a plan on the console's pages", async () => {
    const departments = [{ code: 'SCJG', inspectorsPerTarget: 2, itemCodes: ['SCJG-GS-001'] }];
    expect(
      (await as('scjg-sup', 'POST', '/plans', { ...plan('E2E-P3', departments), enterpriseAnnualCap: 5 })).status,
    ).toBe(201);
    const browser: Browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
    try {
      const page = await browser.newPage();
      await page.goto(`${consoleUrl}/login`);
      await page.fill('#username', 'scjg-sup');
      await page.fill('#password', PASSWORD);
      await page.click('form[action="/login"] button[type="submit"]');
      await page.goto(`${consoleUrl}/inspection`);
      await page.getByRole('link', { name: 'E2E-P3' }).click();
      await page.getByRole('button', { name: '锁定计划并公开承诺值' }).click();
      expect(await page.textContent('.notice')).toContain('计划 E2E-P3 已锁定，承诺值已公开');
      await page.fill('#entropy', '体彩 9 9 9');
      await page.fill('#witness', '体彩排列3');
      await page.getByRole('button', { name: '开始摇号' }).click();
      expect(await page.textContent('.notice')).toContain('计划 E2E-P3 已摇号');
      expect((await publicGet<Json>('/draws/E2E-P3.1')).body).toMatchObject({
        entropy: '体彩 9 9 9',
        witness: '体彩排列3',
      });
    } finally {
      await browser.close();
    }
  });
});
