import iconv from 'iconv-lite';
import { loadEnv } from '@hub/config';
import {
  CloudEvent,
  createEvent,
  EnterpriseRegisteredV1,
  ResultReportedV1,
  RiskClassGradedV1,
  toKafkaMessage,
} from '@hub/contracts';
import { demoUscc } from '@hub/demo';
import { verifyDrawRecord } from '@hub/draw';
import { RunningHubApp, startHubApp } from '@hub/platform';
import { eventually, IsolatedEnv, isolatedEnv, readTopic, testKafka } from '@hub/testing';
import { inspectionApp } from '../../apps/inspection/src/inspection.app';
import { InspectionEnv } from '../../apps/inspection/src/inspection.env';
import { NoticeOverdue } from '../../apps/inspection/src/results/use-cases/notice-overdue/notice-overdue.use-case';
import { inspectionClient } from './inspection-client';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const E = [0, 1, 2, 3, 4].map((n) => demoUscc(880_000 + n));
const FOOD = 'SPJ-SPJY-001';

/** The inspection app in-process on the real broker and database, as the departments and the public use it. */
describe('双随机、一公开: directories, plans, draws, results', () => {
  let iso: IsolatedEnv;
  let hub: RunningHubApp;
  let client: ReturnType<typeof inspectionClient>;
  const scjg = () => client.as('SCJG');
  const yjj = () => client.as('YJJ');

  async function send(events: CloudEvent[]): Promise<void> {
    const producer = testKafka(iso.brokers).producer();
    await producer.connect();
    try {
      for (const e of events) {
        const topic = `${iso.topicPrefix}${e.type === RiskClassGradedV1.type ? RiskClassGradedV1.topic : e.type === ResultReportedV1.type ? ResultReportedV1.topic : EnterpriseRegisteredV1.topic}`;
        await producer.send({ topic, messages: [toKafkaMessage(e, 'binary')] });
      }
    } finally {
      await producer.disconnect();
    }
  }
  const messagesOf = async (topic: string, until: (m: Json[]) => boolean): Promise<Json[]> =>
    (
      await readTopic(
        iso.brokers,
        `${iso.topicPrefix}${topic}`,
        (m) => until(m.map((x) => ({ type: x.headers['ce_type'], ...(JSON.parse(x.value) as Json) }))),
        30_000,
      )
    ).map((x) => ({ type: x.headers['ce_type'], ...(JSON.parse(x.value) as Json) }));

  async function importCsv(as: ReturnType<typeof scjg>, kind: string, file: Buffer, contentType = 'text/csv') {
    const job = await as.call<Json>('POST', '/v1/imports', { kind });
    expect(job.status).toBe(201);
    const done = await as.call<Json>('PUT', `/v1/imports/${job.body.id}/file`, file, contentType);
    expect(done.status).toBe(200);
    expect((await as.call<Json>('GET', `/v1/imports/${job.body.id}`)).body).toEqual(done.body);
    expect((await as.call('PUT', `/v1/imports/${job.body.id}/file`, file, contentType)).status).toBe(409);
    return done.body;
  }

  beforeAll(async () => {
    iso = await isolatedEnv();
    const env = loadEnv(InspectionEnv, {
      KAFKA_BROKERS: iso.brokers.join(','),
      ...(iso.env.KAFKA_CREDENTIALS_FILE ? { KAFKA_CREDENTIALS_FILE: iso.env.KAFKA_CREDENTIALS_FILE } : {}),
      DATABASE_URL: iso.databaseUrl,
      PORT: '0',
      KAFKA_TOPIC_PREFIX: iso.topicPrefix,
      KAFKA_PARTITIONS: '2',
      LOG_LEVEL: 'warn',
      HUB_EDGE_PUBLIC_KEY: iso.edgeKeys.publicKey,
      INSPECTION_FREQUENCY_THRESHOLD: '1',
      IMPORT_BATCH_ROWS: '2',
    });
    hub = await startHubApp(inspectionApp, env, {
      consumer: { retry: { attempts: 2, initialDelayMs: 50, maxDelayMs: 50 } },
    });
    client = inspectionClient(hub.url, iso.edgeKeys.privateKey);
    await eventually(() => expect(hub.server.isJoined).toBe(true));
  });

  afterAll(async () => {
    await hub?.close();
    await iso?.dispose();
  });

  it('fills the directories from the register, the risk grading and CSV files (UTF-8 and GB18030)', async () => {
    await send([
      createEvent(
        EnterpriseRegisteredV1,
        { ...EnterpriseRegisteredV1.example, uscc: E[0]!, name: '承德高新区甲食品有限公司' },
        { source: '/departments/SPJ/systems/registration', department: 'SPJ' },
      ),
      createEvent(
        RiskClassGradedV1,
        { uscc: E[0]!, riskClass: 'C', gradedOn: '2026-10-08', source: '分类系统 2026Q3' },
        { source: '/departments/SCJG/systems/credit', department: 'SCJG' },
      ),
    ]);
    const targets = [
      'uscc,name,address,licences,riskClass,riskGradedOn,riskSource',
      `${E[1]},承德高新区乙餐饮店,示例路 2 号,${FOOD}:JY2,D,2026-10-08,分类系统`,
      `${E[2]},承德高新区丙商贸有限公司,示例路 3 号,,A,2026-10-08,分类系统`,
      `${E[3]},承德高新区丁科技有限公司,示例路 4 号,,,,`,
      `91130871MA0CXQ12IU,坏代码,示例路 9 号,,,,`,
      `${E[4]},承德高新区戊超市,,${FOOD}:JY4,B,2026-10-08,分类系统`,
      `${E[4]},承德高新区戊超市,示例路 5 号,${FOOD}:JY4,B,2026-10-08,分类系统`,
    ].join('\n');
    const first = await importCsv(scjg(), 'targets', Buffer.from(targets));
    expect(first).toMatchObject({ state: 'done', encoding: 'utf-8', rows: 6, imported: 4, unchanged: 0, rejected: 2 });
    expect(first.errors.map((e: Json) => `${e.line}:${e.column}:${e.rule}`)).toEqual([
      '5:uscc:isUscc',
      '6:address:required',
    ]);
    const again = await importCsv(scjg(), 'targets', Buffer.from(targets));
    expect(again).toMatchObject({ imported: 0, unchanged: 4, rejected: 2 });
    await eventually(async () =>
      expect((await scjg().call<Json>('GET', `/v1/targets/${E[0]}`)).body).toMatchObject({ riskClass: 'C' }),
    );
    expect((await yjj().call<Json>('POST', '/v1/imports', { kind: 'targets' })).status).toBe(403);

    const scjgStaff = [
      'certificateNo,name,validFrom,validUntil,conflicts',
      'S-01,王强,2024-01-01,2027-12-31,',
      `S-02,李明,2024-01-01,2027-12-31,${E[2]}`,
      'S-03,赵刚,2024-01-01,2027-12-31,',
      'S-04,孙丽,2024-01-01,2026-12-01,',
      'S-05,周杰,2027-13-01,2027-12-31,',
    ].join('\n');
    expect(await importCsv(scjg(), 'inspectors', Buffer.from(scjgStaff))).toMatchObject({ imported: 4, rejected: 1 });
    const yjjStaff = [
      '执法证号,姓名,有效期起,有效期至',
      'Y-01,吴敏,2024-01-01,2027-12-31',
      'Y-02,郑华,2024-01-01,2027-12-31',
      'Y-03,冯,2024-13-01,2027-12-31',
    ].join('\r\n');
    const gb = await importCsv(yjj(), 'inspectors', iconv.encode(yjjStaff, 'gb18030'));
    expect(gb).toMatchObject({ state: 'done', encoding: 'gb18030', imported: 2, rejected: 1 });
    expect(gb.errors).toEqual([expect.objectContaining({ line: 4, column: '有效期起', rule: 'isCalendarDate' })]);

    for (const [as, department, code, licenceTypes] of [
      [scjg(), 'SCJG', 'SCJG-SP-001', [FOOD]],
      [scjg(), 'SCJG', 'SCJG-GEN-001', []],
      [yjj(), 'YJJ', 'YJJ-AQ-001', []],
    ] as const) {
      const put = await as.call('PUT', `/v1/items/${department}/${code}`, {
        name: code,
        legalBasis: '《企业信息公示暂行条例》第十四条',
        keyItem: true,
        enterpriseKinds: [],
        licenceTypes,
      });
      expect(put.status).toBe(200);
    }
    expect(
      (
        await yjj().call('PUT', '/v1/items/SCJG/X-1', {
          name: 'x',
          legalBasis: 'x',
          keyItem: false,
          enterpriseKinds: [],
          licenceTypes: [],
        })
      ).status,
    ).toBe(403);
  });

  const plan = (id: string, departments: Json[], cap: number) => ({
    id,
    title: `${id} 抽查`,
    year: 2026,
    departments,
    ratios: { A: 10000, B: 10000, C: 10000, D: 10000, unrated: 10000 },
    enterpriseAnnualCap: cap,
    inspectionDate: '2026-12-15',
  });
  const joint = [
    { code: 'SCJG', inspectorsPerTarget: 2, itemCodes: ['SCJG-GEN-001'] },
    { code: 'YJJ', inspectorsPerTarget: 1, itemCodes: ['YJJ-AQ-001'] },
  ];

  it('locks with the commitment public at once, excludes an enterprise at its cap, draws a verifiable record', async () => {
    expect(
      (
        await scjg().call(
          'POST',
          '/v1/plans',
          plan('P0', [{ code: 'SCJG', inspectorsPerTarget: 2, itemCodes: ['SCJG-SP-001'] }], 1),
        )
      ).status,
    ).toBe(201);
    expect((await scjg().call('POST', '/v1/plans/P0/lock')).status).toBe(200);
    expect(
      (await scjg().call('POST', '/v1/plans/P0/draws', { entropy: '0 4 7 1 9', witness: '体彩排列5' })).status,
    ).toBe(201);

    expect((await yjj().call<Json>('POST', '/v1/plans', plan('P1', joint, 1))).body.errors).toEqual([
      expect.objectContaining({ field: 'departments[0].code', rule: 'leadIsCaller' }),
    ]);
    expect((await scjg().call('POST', '/v1/plans', plan('P1', joint, 1))).status).toBe(201);
    expect((await yjj().call('POST', '/v1/plans/P1/lock')).status).toBe(403);
    const locked = await scjg().call<Json>('POST', '/v1/plans/P1/lock');
    expect(locked.body).toMatchObject({
      state: 'locked',
      lockNo: 1,
      commitment: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    const published = (await client.public<Json>('/v1/public/plans/P1')).body;
    expect(published).toMatchObject({
      commitment: locked.body.commitment,
      candidateDigest: locked.body.candidateDigest,
    });
    expect(published.exclusions).toEqual(
      [
        { uscc: E[1], name: '承德高新区乙餐饮店', reason: '本年度已被抽查 1 次，达到每年 1 次的上限' },
        { uscc: E[4], name: '承德高新区戊超市', reason: '本年度已被抽查 1 次，达到每年 1 次的上限' },
      ].sort((a, b) => a.uscc!.localeCompare(b.uscc!)),
    );
    const lockEvents = await messagesOf('zone.inspection.plan.v1', (m) => m.some((e) => e.planId === 'P1'));
    expect(lockEvents.find((e) => e.planId === 'P1')).toMatchObject({
      type: 'zone.inspection.plan.locked.v1',
      commitment: locked.body.commitment,
      excluded: 2,
    });

    const drawn = await yjj().call<Json>('POST', '/v1/plans/P1/draws', {
      entropy: '2026-12-05 体彩 3 1 4',
      witness: '体彩排列3',
    });
    expect(drawn.status).toBe(201);
    const record = (await client.public<Json>('/v1/public/draws/P1.1')).body;
    expect(verifyDrawRecord(record).ok).toBe(true);
    expect(verifyDrawRecord({ ...record, entropy: 'changed' }).ok).toBe(false);
    expect(record.targets.map((t: Json) => t.uscc).sort()).toEqual([E[0], E[2], E[3]].sort());
    const onE2 = record.targets.find((t: Json) => t.uscc === E[2]);
    expect(onE2.teams.SCJG).not.toContain('S-02');
    for (const t of record.targets) expect(t.teams.SCJG).not.toContain('S-04');
    expect(record.inspectors['S-01']).toEqual({ name: '王强', certificateNo: 'S-01', department: 'SCJG' });

    const tasks = await messagesOf('zone.inspection.task.v1', (m) => m.filter((e) => e.planId === 'P1').length >= 6);
    const assigned = tasks.filter((e) => e.planId === 'P1');
    expect(assigned.map((e) => e.department).sort()).toEqual(['SCJG', 'SCJG', 'SCJG', 'YJJ', 'YJJ', 'YJJ']);
    expect(assigned.find((e) => e.department === 'YJJ')).toMatchObject({
      items: [{ code: 'YJJ-AQ-001', name: 'YJJ-AQ-001' }],
      staffed: true,
      departments: ['SCJG', 'YJJ'],
    });
  });

  it('takes results from the API and from the departments, publishes them, and tracks the completion', async () => {
    const scjgTasks = (await scjg().call<Json[]>('GET', '/v1/tasks?planId=P1')).body;
    const yjjTasks = (await yjj().call<Json[]>('GET', '/v1/tasks?planId=P1')).body;
    expect(scjgTasks).toHaveLength(3);
    const result = {
      category: 'rectification-ordered',
      findings: '原料标签不全',
      problems: ['标签'],
      rectification: '7 日内改正',
      resultOn: '2026-12-15',
      publish: true,
    };
    expect((await yjj().call('POST', `/v1/tasks/${scjgTasks[0].id}/result`, result)).status).toBe(403);
    expect((await scjg().call<Json>('POST', `/v1/tasks/${scjgTasks[0].id}/result`, result)).body).toMatchObject({
      // 2027's official calendar is not published yet: weekends alone count there (1 January among the days).
      publicationDueOn: '2027-01-12',
      publishedAt: expect.any(String),
    });

    const report = (task: Json, department: string) =>
      createEvent(
        ResultReportedV1,
        {
          taskId: task.id,
          planId: 'P1',
          drawId: 'P1.1',
          uscc: task.uscc,
          department,
          category: 'no-problem',
          findings: '未发现问题',
          resultOn: '2026-12-16',
          publish: true,
        },
        { source: `/departments/${department}/systems/inspection`, department },
      );
    await send([report(yjjTasks[0], 'YJJ'), report(scjgTasks[1], 'YJJ')]);
    await eventually(async () =>
      expect((await yjj().call<Json[]>('GET', '/v1/tasks?planId=P1&state=done')).body).toHaveLength(1),
    );
    const dead = await readTopic(iso.brokers, `${iso.topicPrefix}zone.inspection.result.v1.dlq`, (m) => m.length >= 1);
    expect(dead.map((d) => d.headers['hub-dlq-reason'])).toEqual([
      expect.stringContaining('data.department (ownTask)'),
    ]);

    const published = (await client.public<Json[]>(`/v1/public/results?planId=P1`)).body;
    expect(published.map((r) => r.department).sort()).toEqual(['SCJG', 'YJJ']);
    expect(published.find((r) => r.department === 'SCJG')).toMatchObject({ categoryLabel: '发现问题已责令改正' });
    expect((await client.public<Json>('/v1/public/plans/P1')).body.completion).toEqual({
      tasks: 6,
      done: 2,
      rate: 2 / 6,
    });

    // A result long past its deadline and not published: listed, and the department told once.
    await scjg().call('POST', `/v1/tasks/${scjgTasks[2].id}/result`, {
      ...result,
      resultOn: '2026-01-05',
      publish: false,
    });
    expect((await scjg().call<Json[]>('GET', '/v1/results/overdue')).body.map((r) => r.taskId)).toEqual([
      scjgTasks[2].id,
    ]);
    expect(await hub.app.get(NoticeOverdue).send(100)).toBe(1);
    expect(await hub.app.get(NoticeOverdue).send(100)).toBe(0);
    const notices = await messagesOf('zone.inspection.task.v1', (m) =>
      m.some((e) => e.type === 'zone.inspection.task.publication-overdue.v1'),
    );
    expect(notices.filter((e) => e.type === 'zone.inspection.task.publication-overdue.v1')).toEqual([
      expect.objectContaining({ taskId: scjgTasks[2].id, department: 'SCJG', publicationDueOn: '2026-02-02' }),
    ]);
  });

  it('voids a draw with the reason, locks again with a new commitment and redraws naming the voided one', async () => {
    expect((await scjg().call('POST', '/v1/plans', plan('P2', joint, 5))).status).toBe(201);
    const first = (await scjg().call<Json>('POST', '/v1/plans/P2/lock')).body;
    await scjg().call('POST', '/v1/plans/P2/draws', { entropy: 'a', witness: 'w' });
    const alerts = await messagesOf('zone.inspection.target.v1', (m) => m.length >= 5);
    // E[1] and E[4]: P0, then P2 (P1 excluded them), with the threshold at 1; E[0], E[2], E[3]: P1, then P2.
    expect(alerts.map((a) => a.uscc).sort()).toEqual([...E].sort());

    const voided = await scjg().call<Json>('POST', '/v1/draws/P2.1/void', { reason: '检查人员需回避' });
    expect(voided.body).toMatchObject({ state: 'locked', lockNo: 2 });
    expect(voided.body.commitment).not.toBe(first.commitment);
    expect((await scjg().call<Json[]>('GET', '/v1/tasks?planId=P2&state=cancelled')).body).toHaveLength(5);
    await scjg().call('POST', '/v1/plans/P2/draws', { entropy: 'b', witness: 'w' });
    const redraw = (await client.public<Json>('/v1/public/draws/P2.2')).body;
    expect(redraw).toMatchObject({ replaces: 'P2.1', replacesReason: '检查人员需回避', status: 'standing', lock: 2 });
    expect(verifyDrawRecord(redraw).ok).toBe(true);
    expect((await client.public<Json>('/v1/public/draws/P2.1')).body).toMatchObject({
      status: 'voided',
      voided: { reason: '检查人员需回避' },
    });
    const visits = (await scjg().call<Json>('GET', `/v1/targets/${E[1]}/inspections?year=2026`)).body;
    expect(visits).toMatchObject({ visits: 2 });
  });
});
