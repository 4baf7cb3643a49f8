import { randomBytes } from 'node:crypto';
import {
  ELicenceIssuedV1,
  ELicenceRevokedV1,
  GapClosedV1,
  GapOpenedV1,
  LicenceGrantedV1,
  SealFiledV1,
  SealMadeV1,
  Topics,
} from '@hub/contracts';
import { demoUscc } from '@hub/demo';
import {
  AppProcess,
  DepartmentSystems,
  IsolatedEnv,
  eventually,
  hubProcessEnv,
  isolatedEnv,
  processEnv,
  readTopic,
  signedCall,
  startAppProcess,
} from '@hub/testing';
import { BUSINESS_TYPE, FOOD_TYPE, Issuer, personSession, publish, seal, textCall } from './registry-client';

const ADMIN = { accessKeyId: 'AKE2EREGISTRYADMIN', secret: 'e2e-registry-admin-secret-0123456789' };
const PASSWORD = 'correct horse battery staple';
const RUN = randomBytes(3).toString('hex').toUpperCase();
const HOUR = 3_600_000;

interface Gap {
  gapId: string;
  kind: string;
  subject: string;
  check: string | null;
  detail: string;
  closedAt: string | null;
}
interface Figures {
  coverage: { granted: number; aggregated: number; rate: number | null };
  lag: { maxMs: number | null; missedWindow: number };
  authenticity: { records: number; valid: number; failed: Record<string, number> };
}

/**
 * 电子证照 / 电子印章 end to end: the gateway and the registry as processes on the real broker and database; the
 * 审批局's system publishes grants and e-licences through the gateway's intake, departments and people read the
 * measures, the gaps and the licences through the door.
 */
describe('电子证照: 应归尽归、实时汇聚、真实有效, item by item', () => {
  let iso: IsolatedEnv;
  const apps: AppProcess[] = [];
  let gateway: AppProcess;
  let systems: DepartmentSystems;
  const issuer = new Issuer(RUN);
  let serial = 0;
  const nextUscc = (): string => demoUscc(610_000 + serial++);
  const call = <T>(department: string, method: string, path: string, body?: unknown) =>
    systems.call<T>('registry', department, method, path, body);
  const gaps = async (query: string) => (await call<{ gaps: Gap[] }>('SCJG', 'GET', `/v1/gaps?${query}`)).body.gaps;
  const gapOf = async (id: string, status = 'all') =>
    (await gaps(`status=${status}&limit=1000`)).find((g) => g.gapId === id);
  const zone = async () => (await call<{ zone: Figures }>('SCJG', 'GET', '/v1/coverage')).body.zone;
  const grant = (uscc: string, approvalId: string, matterCode: string, decidedAt: Date) =>
    publish(
      systems,
      'SPJ',
      LicenceGrantedV1.type,
      { uscc, approvalId, matterCode, licenceNo: `L-${approvalId}`, decidedAt: decidedAt.toISOString() },
      uscc,
    );
  const issue = (record: object & { licenceId: string }) =>
    publish(systems, 'SPJ', ELicenceIssuedV1.type, record, record.licenceId);

  beforeAll(async () => {
    iso = await isolatedEnv();
    const envOf = await hubProcessEnv(
      processEnv(iso, {
        HUB_ADMIN_ACCESS_KEY_ID: ADMIN.accessKeyId,
        HUB_ADMIN_SECRET: ADMIN.secret,
        SCHEDULER_INTERVAL_MS: '200',
        REGISTRY_LAG_WINDOW_MS: String(HOUR),
        REGISTRY_SEAL_WINDOW_MS: String(HOUR),
        REGISTRY_REQUIRED_SEAL_TYPES: '01,02',
      }),
    );
    apps.push(await startAppProcess('registry', envOf('registry')));
    gateway = await startAppProcess('gateway', envOf('gateway'));
    apps.push(gateway);
    systems = new DepartmentSystems(gateway.url, ADMIN);
    for (const [username, roles] of [
      ['spj-supervisor', ['supervisor']],
      ['spj-viewer', ['viewer']],
      ['xxhzx-auditor', ['auditor']],
    ] as const) {
      const department = username.startsWith('spj') ? 'SPJ' : 'XXHZX';
      const created = await signedCall(gateway.url, ADMIN, 'POST', '/v1/admin/people', {
        username,
        displayName: username,
        department,
        roles,
        password: PASSWORD,
      });
      expect(created.status).toBe(201);
    }
    const food = {
      name: '食品经营许可证',
      issuingDepartments: ['SPJ'],
      matterCodes: [`SPJ-SPJY-${RUN}`],
      readerDepartments: ['SCJG'],
      validityMonths: 60,
    };
    expect((await call('SPJ', 'PUT', `/v1/licence-types/${FOOD_TYPE}`, food)).status).toBe(201);
    const business = {
      name: '营业执照',
      issuingDepartments: ['SPJ'],
      matterCodes: [`SPJ-YYZZ-${RUN}`],
      establishes: true,
    };
    expect((await call('SPJ', 'PUT', `/v1/licence-types/${BUSINESS_TYPE}`, business)).status).toBe(201);
    expect((await call('SCJG', 'PUT', `/v1/licence-types/${FOOD_TYPE}`, food)).status).toBe(403);
    expect((await call('SPJ', 'PUT', `/v1/issuer-keys/${issuer.issuer}`, { publicKeyPem: issuer.pem })).status).toBe(
      200,
    );
  });

  afterAll(async () => {
    for (const app of apps) await app.stop();
    await iso?.dispose();
  });

  it('shows a licence granted without its e-licence as a gap, which closes when the e-licence arrives', async () => {
    const uscc = nextUscc();
    const approvalId = `SP-${RUN}-MISS`;
    await grant(uscc, approvalId, `SPJ-SPJY-${RUN}`, new Date(Date.now() - 5 * 60_000));
    const open = await eventually(async () => {
      const gap = await gapOf(`licence-missing:${approvalId}`, 'open');
      expect(gap).toMatchObject({ kind: 'licence-missing', subject: approvalId, closedAt: null });
      return gap!;
    });
    expect(open.detail).toMatch(/电子证照未归集/);
    const csv = await textCall(systems, 'SCJG', '/v1/registry/gaps?format=csv&kind=licence-missing');
    expect(csv.contentType).toMatch(/^text\/csv/);
    const [heading, ...lines] = csv.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(heading).toMatch(/^缺口编号,类型,对象,统一社会信用代码,部门,证照类型/);
    expect(lines.find((l) => l.includes(approvalId))).toMatch(
      new RegExp(`^licence-missing:${approvalId},licence-missing,${approvalId},${uscc},SPJ,${FOOD_TYPE}`),
    );

    const record = issuer.record({ approvalId, holderUscc: uscc, holderName: '承德高新区测试有限公司' });
    await issue(record);
    await eventually(async () => expect((await gapOf(`licence-missing:${approvalId}`))?.closedAt).not.toBeNull());
    const licence = await call<{ failedCheck: string | null; status: string }>(
      'SCJG',
      'GET',
      `/v1/licences/${record.licenceId}?purpose=${encodeURIComponent('日常监管核查')}`,
    );
    expect(licence.body).toMatchObject({ failedCheck: null, status: 'issued' });
    // Each opened and closed gap is an event on the registry's gap topic.
    const events = await readTopic(
      iso.brokers,
      `${iso.topicPrefix}${Topics.RegistryGapV1}`,
      (m) => m.filter((x) => x.value.includes(approvalId)).length >= 2,
    );
    const types = events.filter((x) => x.value.includes(approvalId)).map((x) => x.headers.ce_type);
    expect(types).toEqual([GapOpenedV1.type, GapClosedV1.type]);
  });

  it('fails 真实有效 for a changed file digest and for a forged signature, naming the check', async () => {
    const tampered = issuer.record({ holderUscc: nextUscc(), holderName: '承德高新区甲公司' }, 'digest');
    const forged = issuer.record({ holderUscc: nextUscc(), holderName: '承德高新区乙公司' }, 'forged');
    await issue(tampered);
    await issue(forged);
    await eventually(async () => {
      expect(await gapOf(`licence-invalid:${tampered.licenceId}`, 'open')).toMatchObject({ check: 'digest' });
      expect(await gapOf(`licence-invalid:${forged.licenceId}`, 'open')).toMatchObject({ check: 'signature' });
    });
    const failed = (await zone()).authenticity.failed;
    expect(failed.digest).toBeGreaterThanOrEqual(1);
    expect(failed.signature).toBeGreaterThanOrEqual(1);
    const byCheck = await gaps('kind=licence-invalid&check=signature');
    expect(byCheck.map((g) => g.subject)).toEqual([forged.licenceId]);
    // Its issuer revokes it: a new version, every version kept.
    const revoked = { licenceId: tampered.licenceId, at: new Date().toISOString(), reason: '文件被篡改' };
    await publish(systems, 'SPJ', ELicenceRevokedV1.type, revoked, tampered.licenceId);
    type Kept = { status: string; history: { version: number; type: string }[] };
    const kept = await eventually(async () => {
      const answer = await call<Kept>(
        'SPJ',
        'GET',
        `/v1/licences/${tampered.licenceId}?purpose=${encodeURIComponent('核查')}`,
      );
      expect(answer.body.status).toBe('revoked');
      return answer.body;
    });
    expect(kept.history.map((v) => [v.version, v.type])).toEqual([
      [1, ELicenceIssuedV1.type],
      [2, ELicenceRevokedV1.type],
    ]);
  });

  it("checks again, when its issuer's key is registered, an e-licence that failed for want of it", async () => {
    const unregistered = new Issuer(`${RUN}K`, '11130800MB1719856K');
    const record = unregistered.record({ holderUscc: nextUscc(), holderName: '承德高新区丙公司' });
    await issue(record);
    await eventually(async () =>
      expect(await gapOf(`licence-invalid:${record.licenceId}`, 'open')).toMatchObject({ check: 'issuerKey' }),
    );
    const registered = await call('SPJ', 'PUT', `/v1/issuer-keys/${unregistered.issuer}`, {
      publicKeyPem: unregistered.pem,
    });
    expect(registered.status).toBe(200);
    expect((await gapOf(`licence-invalid:${record.licenceId}`))?.closedAt).not.toBeNull();
  });

  it('counts a late e-licence against 实时汇聚', async () => {
    const before = await zone();
    const uscc = nextUscc();
    const approvalId = `SP-${RUN}-LATE`;
    await grant(uscc, approvalId, `SPJ-SPJY-${RUN}`, new Date(Date.now() - 3 * HOUR));
    await eventually(async () => expect(await gapOf(`licence-missing:${approvalId}`, 'open')).toBeDefined());
    await issue(issuer.record({ approvalId, holderUscc: uscc, holderName: '承德高新区迟到公司' }));
    const after = await eventually(async () => {
      const figures = await zone();
      expect(figures.coverage.aggregated).toBe(before.coverage.aggregated + 1);
      return figures;
    });
    expect(after.lag.maxMs).toBeGreaterThanOrEqual(3 * HOUR);
    // It was counted missing past the window before; now it is late, and counts once.
    expect(after.lag.missedWindow).toBe(before.lag.missedWindow + 1);
  });

  it('raises an alert event for an enterprise established without its seals in time', async () => {
    const uscc = nextUscc();
    await grant(uscc, `SP-${RUN}-EST`, `SPJ-YYZZ-${RUN}`, new Date(Date.now() - 2 * HOUR));
    const alert = await eventually(async () => {
      const gap = await gapOf(`seal-set-late:${uscc}`, 'open');
      expect(gap?.detail).toMatch(/缺 法定名称章、财务专用章/);
      return gap!;
    });
    const events = await readTopic(iso.brokers, `${iso.topicPrefix}${Topics.RegistryGapV1}`, (m) =>
      m.some((x) => x.value.includes(alert.gapId)),
    );
    expect(events.find((x) => x.value.includes(alert.gapId))?.headers.ce_type).toBe(GapOpenedV1.type);
    await publish(systems, 'GAJ', SealMadeV1.type, seal(uscc, `${RUN}0001`, '01'), uscc);
    await publish(systems, 'GAJ', SealMadeV1.type, seal(uscc, `${RUN}0002`, '02'), uscc);
    await eventually(async () => expect((await gapOf(`seal-set-late:${uscc}`))?.closedAt).not.toBeNull());
  });

  it('shows a department seal not filed in the filing gap until it is filed', async () => {
    const spj = demoUscc(619_999);
    const code = `${RUN}9001`;
    const departmentSeal = seal(spj, code, '01', {
      holderKind: 'department',
      holderName: '承德高新区行政审批局',
      sealName: '承德高新区行政审批局',
    });
    await publish(systems, 'GAJ', SealMadeV1.type, departmentSeal, spj);
    await eventually(async () =>
      expect(await gapOf(`seal-not-filed:${code}`, 'open')).toMatchObject({ kind: 'seal-not-filed' }),
    );
    const seals = (
      await call<{ seals: { filing: Record<string, { active: number; filed: number }> } }>(
        'SCJG',
        'GET',
        '/v1/coverage',
      )
    ).body.seals;
    expect(seals.filing.department).toMatchObject({ active: 1, filed: 0 });
    await publish(
      systems,
      'GAJ',
      SealFiledV1.type,
      { sealCode: code, uscc: spj, at: new Date().toISOString(), filingNo: `BA-${RUN}` },
      spj,
    );
    await eventually(async () => expect((await gapOf(`seal-not-filed:${code}`))?.closedAt).not.toBeNull());
  });

  it("masks a natural person's ID number for a viewer, not for the issuing department's supervisor, and records both", async () => {
    const record = issuer.record({ holderKind: 'person', personName: '张三丰', personIdNumber: '11010519491231002X' });
    await issue(record);
    const path = (purpose: string) =>
      `/v1/registry/licences/${record.licenceId}?purpose=${encodeURIComponent(purpose)}`;
    const supervisor = await personSession(gateway.url, 'spj-supervisor', PASSWORD);
    const viewer = await personSession(gateway.url, 'spj-viewer', PASSWORD);
    type View = { personName: string; personIdNumber: string; history: { data: { personIdNumber: string } }[] };
    const seen = await eventually(async () => {
      const answer = await supervisor<View>(path('核对持证人身份'));
      expect(answer.status).toBe(200);
      return answer.body;
    });
    expect(seen).toMatchObject({ personName: '张三丰', personIdNumber: '11010519491231002X' });
    const masked = (await viewer<View>(path('统计分析'))).body;
    expect(masked).toMatchObject({ personName: '张**', personIdNumber: '11**************2X' });
    expect(masked.history[0]!.data.personIdNumber).toBe('11**************2X');
    const noPurpose = await viewer<{ errors: { field: string }[] }>(`/v1/registry/licences/${record.licenceId}`);
    expect(noPurpose.status).toBe(400);
    expect(noPurpose.body.errors.map((e) => e.field)).toContain('purpose');

    type Records = { accessRecords: { callerName: string; purpose: string; unmasked: boolean }[] };
    const auditor = await personSession(gateway.url, 'xxhzx-auditor', PASSWORD);
    const forAuditor = (await auditor<Records>(`/v1/registry/access-records?licenceId=${record.licenceId}`)).body;
    expect(forAuditor.accessRecords.map((r) => [r.callerName, r.purpose, r.unmasked])).toEqual([
      ['spj-viewer', '统计分析', false],
      ['spj-supervisor', '核对持证人身份', true],
    ]);
    const forIssuer = await call<Records>('SPJ', 'GET', `/v1/access-records?licenceId=${record.licenceId}`);
    expect(forIssuer.body.accessRecords).toHaveLength(2);
    const forOther = await call<Records>('SCJG', 'GET', `/v1/access-records?licenceId=${record.licenceId}`);
    expect(forOther.body.accessRecords).toHaveLength(0);
  });
});
