import {
  LicenceGrantedV1,
  LicenceRevokedV1,
  PushRevocationRequestedV1,
  Topics,
  createEvent,
  toKafkaMessage,
} from '@hub/contracts';
import { randomBytes, randomUUID } from 'node:crypto';
import { demoUscc } from '@hub/demo';
import {
  AppProcess,
  DepartmentSystems,
  IsolatedEnv,
  eventually,
  hubProcessEnv,
  isolatedEnv,
  startAppProcess,
  testKafka,
} from '@hub/testing';
import {
  callWith,
  claimRequest,
  decisionEvent,
  grant,
  publishDecisions,
  publishOnIngress,
  revoke,
  sql,
} from './linkage-client';

interface Timeline {
  approval: { state: string; pushDueDate: string } | null;
  pushes: {
    pushId: string;
    department: string;
    progress: string;
    assignedBy: string | null;
    replacesPushId: string | null;
  }[];
  timeline: { kind: string; department: string | null; actor: string; at: string; detail: Record<string, unknown> }[];
}

// The gateway subscribes to every topic that ends like an ingress topic, other test runs' included: ids unique
// to this run keep their events apart.
const RUN = randomBytes(3).toString('hex').toUpperCase();

/**
 * 审管衔接 end to end: the gateway, approval and supervision apps as processes on the real broker and database; the
 * 审批局's system publishes through the gateway's ingress, departments and coordinators call the apps signed.
 */
describe('审管衔接, the whole loop', () => {
  let iso: IsolatedEnv;
  let env: Record<string, string>;
  const apps = new Map<string, AppProcess>();
  const url = (name: string): string => apps.get(name)!.url;
  let envOf: (app: string) => Record<string, string>;
  let systems: DepartmentSystems;
  /** A department's system calling an app through the gateway's door, with its gateway credential. */
  const call = <T = unknown>(app: string, department: string, method: string, path: string, body?: unknown) =>
    systems.call<T>(app, department, method, path, body);
  const timeline = async (approvalId: string): Promise<Timeline> => {
    const response = await call<Timeline>('approval', 'SCJG', 'GET', `/v1/approvals/${approvalId}/timeline`);
    expect(response.status).toBe(200);
    return response.body;
  };
  const kinds = (t: Timeline): string[] => t.timeline.map((e) => `${e.kind}${e.department ? `:${e.department}` : ''}`);
  const supervised = (approvalId: string, department: string) =>
    sql<{ state: string; push_id: string | null; claimed_at: Date | null; pushed_at: Date | null }>(
      iso.databaseUrl,
      `SELECT state, push_id, claimed_at, pushed_at FROM supervision.push WHERE approval_id = $1 AND department = $2`,
      [approvalId, department],
    );
  let serial = 0;
  const nextUscc = (): string => demoUscc(900_000 + serial++);

  beforeAll(async () => {
    iso = await isolatedEnv();
    env = {
      KAFKA_BROKERS: iso.brokers.join(','),
      DATABASE_URL: iso.databaseUrl,
      KAFKA_TOPIC_PREFIX: iso.topicPrefix,
      KAFKA_PARTITIONS: '2',
      LOG_LEVEL: 'warn',
      SCHEDULER_INTERVAL_MS: '300',
      HUB_ADMIN_ACCESS_KEY_ID: 'e2e-linkage-admin',
      HUB_ADMIN_SECRET: 'e2e-linkage-admin-secret-0123456789',
      ...iso.edgeKeyVariables,
    };
    envOf = await hubProcessEnv(env);
    for (const name of ['approval', 'supervision', 'gateway']) apps.set(name, await startAppProcess(name, envOf(name)));
    systems = new DepartmentSystems(url('gateway'), {
      accessKeyId: env.HUB_ADMIN_ACCESS_KEY_ID!,
      secret: env.HUB_ADMIN_SECRET!,
    });
  });

  afterAll(async () => {
    for (const app of apps.values()) await app.stop();
    await iso?.dispose();
  });

  it('grant → push → claim → supervise → feedback, every step on the timeline with who and when', async () => {
    const g = grant(nextUscc(), `SP-${RUN}-LOOP-1`, 'SPJ-SPJY-001', {
      commitments: [{ code: 'C1', text: '经营场所符合食品安全条件' }],
    });
    await publishDecisions(iso.brokers, iso.topicPrefix, [decisionEvent(LicenceGrantedV1.type, g)]);
    await eventually(async () => expect((await supervised(g.approvalId, 'SCJG'))[0]?.state).toBe('pushed'));

    const ledger = await call<{ unclaimed: { approvalId: string }[] }>(
      'supervision',
      'SCJG',
      'GET',
      '/v1/ledgers/SCJG',
    );
    expect(ledger.body.unclaimed.map((p) => p.approvalId)).toContain(g.approvalId);

    expect(
      (await call('supervision', 'SCJG', 'POST', '/v1/claims', { approvalId: g.approvalId, actor: 'SCJG-0042' }))
        .status,
    ).toBe(200);
    // 可用不可见: the coordinator reading SCJG's ledger sees who claimed masked; SCJG sees its own officer.
    type Claimed = { claimedNotSupervised: { approvalId: string; claimedBy: string }[] };
    const claimedBy = async (caller: string) =>
      (await call<Claimed>('supervision', caller, 'GET', '/v1/ledgers/SCJG')).body.claimedNotSupervised.find(
        (p) => p.approvalId === g.approvalId,
      )?.claimedBy;
    expect(await claimedBy('SCJG')).toBe('SCJG-0042');
    expect(await claimedBy('ZFW')).toBe('SC*****42');
    const action = await call('supervision', 'SCJG', 'POST', '/v1/supervisions', {
      approvalId: g.approvalId,
      actor: 'SCJG-0042',
      action: 'commitment-verification',
      result: 'compliant',
      findings: '现场核查承诺事项属实',
    });
    expect(action.status).toBe(201);

    const t = await eventually(async () => {
      const current = await timeline(g.approvalId);
      expect(kinds(current)).toEqual(['received', 'pushed:SCJG', 'claimed:SCJG', 'supervised:SCJG', 'fed-back:SCJG']);
      return current;
    });
    expect(t.timeline.find((e) => e.kind === 'claimed')?.actor).toBe('SCJG-0042');
    expect(t.timeline.find((e) => e.kind === 'fed-back')?.detail).toMatchObject({ result: 'compliant', affects: [] });
    const seenBySpj = await call<Timeline>('approval', 'SPJ', 'GET', `/v1/approvals/${g.approvalId}/timeline`);
    expect(seenBySpj.body.timeline.filter((e) => e.department === 'SCJG').map((e) => `${e.kind} ${e.actor}`)).toEqual([
      'pushed approval',
      'claimed SC*****42',
      'supervised SC*****42',
      'fed-back SC*****42',
    ]);
    expect(t.pushes).toEqual([expect.objectContaining({ department: 'SCJG', progress: 'fed-back' })]);

    const stats = await call<{ department: string; claimRate: number; medianClaimSeconds: number }[]>(
      'supervision',
      'SCJG',
      'GET',
      '/v1/stats?department=SCJG',
    );
    const [expected] = await sql<{ rate: number }>(
      iso.databaseUrl,
      `SELECT (count(claimed_at)::float / count(*)) AS rate FROM supervision.push WHERE department = 'SCJG' AND pushed_at IS NOT NULL`,
    );
    expect(stats.body[0]).toMatchObject({ department: 'SCJG', claimRate: expected.rate });
    expect(stats.body[0].claimRate).toBeGreaterThan(0);
    await eventually(async () =>
      expect(await (await fetch(`${url('supervision')}/metrics`)).text()).toMatch(
        /hub_linkage_claim_rate\{[^}]*department="SCJG"[^}]*\} [0-9.]+/,
      ),
    );
  });

  it('a return goes to the coordinator, whose re-routing is recorded and pushed', async () => {
    const g = grant(nextUscc(), `SP-${RUN}-RET-1`, 'SPJ-WHPJY-002');
    await publishDecisions(iso.brokers, iso.topicPrefix, [decisionEvent(LicenceGrantedV1.type, g)]);
    await eventually(async () => expect((await supervised(g.approvalId, 'YJJ'))[0]?.state).toBe('pushed'));
    const returned = await call('supervision', 'YJJ', 'POST', '/v1/returns', {
      approvalId: g.approvalId,
      actor: 'YJJ-desk',
      reason: '经营场所不储存危险化学品，属市场监管分局职责',
      suggestedDepartment: 'SCJG',
    });
    expect(returned.status).toBe(200);

    const queue = await eventually(async () => {
      const q = await call<{ returned: { approvalId: string; reason: string }[] }>(
        'approval',
        'ZFW',
        'GET',
        '/v1/coordination/queue',
      );
      expect(q.body.returned.map((r) => r.approvalId)).toContain(g.approvalId);
      return q.body;
    });
    expect(queue.returned.find((r) => r.approvalId === g.approvalId)?.reason).toMatch(/市场监管分局/);

    expect(
      (await call('approval', 'SCJG', 'POST', `/v1/approvals/${g.approvalId}/assignments`, { department: 'SCJG' }))
        .status,
    ).toBe(403);
    const again = await call('approval', 'ZFW', 'POST', `/v1/approvals/${g.approvalId}/assignments`, {
      department: 'YJJ',
    });
    expect(again.status).toBe(409);
    const assigned = await call<{ department: string; replacesPushId: string }>(
      'approval',
      'ZFW',
      'POST',
      `/v1/approvals/${g.approvalId}/assignments`,
      {
        department: 'SCJG',
        note: '经核实由市场监管分局监管',
      },
    );
    expect(assigned.status).toBe(201);
    await eventually(async () => expect((await supervised(g.approvalId, 'SCJG'))[0]?.state).toBe('pushed'));
    const t = await eventually(async () => {
      const current = await timeline(g.approvalId);
      expect(kinds(current)).toEqual(['received', 'pushed:YJJ', 'returned:YJJ', 'pushed:SCJG']);
      return current;
    });
    expect(t.timeline[3].actor).toBe('ZFW');
    expect(t.pushes.find((p) => p.department === 'SCJG')).toMatchObject({
      assignedBy: 'ZFW',
      replacesPushId: t.pushes.find((p) => p.department === 'YJJ')!.pushId,
    });
    const q = await call<{ returned: { approvalId: string }[] }>('approval', 'ZFW', 'GET', '/v1/coordination/queue');
    expect(q.body.returned.map((r) => r.approvalId)).not.toContain(g.approvalId);
  });

  it('a false commitment produces a revocation request; the 审批局 revokes and the loop closes', async () => {
    const g = grant(nextUscc(), `SP-${RUN}-FALSE-1`, 'SPJ-GGWS-005', {
      commitments: [{ code: 'C1', text: '已取得健康证明' }],
    });
    await publishDecisions(iso.brokers, iso.topicPrefix, [decisionEvent(LicenceGrantedV1.type, g)]);
    await eventually(async () => expect((await supervised(g.approvalId, 'SSJ'))[0]?.state).toBe('pushed'));
    const early = await call('supervision', 'SSJ', 'POST', '/v1/supervisions', {
      approvalId: g.approvalId,
      actor: 'SSJ-7',
      action: 'commitment-verification',
      result: 'commitment-false',
      findings: 'x',
    });
    expect(early.status).toBe(409); // not claimed yet
    await call('supervision', 'SSJ', 'POST', '/v1/claims', { approvalId: g.approvalId, actor: 'SSJ-7' });
    await call('supervision', 'SSJ', 'POST', '/v1/supervisions', {
      approvalId: g.approvalId,
      actor: 'SSJ-7',
      action: 'commitment-verification',
      result: 'commitment-false',
      findings: '从业人员未取得健康证明，承诺不实',
    });
    const request = await eventually(async () => {
      const open = await call<{ requestId: string; approvalId: string; state: string }[]>(
        'approval',
        'SPJ',
        'GET',
        '/v1/revocation-requests?state=open',
      );
      const found = open.body.find((r) => r.approvalId === g.approvalId);
      expect(found).toBeDefined();
      return found!;
    });
    await publishDecisions(iso.brokers, iso.topicPrefix, [
      decisionEvent(LicenceRevokedV1.type, revoke(g, `SP-${RUN}-FALSE-1-R`, request.requestId)),
    ]);
    await eventually(async () => {
      const closed = await call<{ requestId: string; state: string; revokedByApprovalId: string }[]>(
        'approval',
        'SPJ',
        'GET',
        '/v1/revocation-requests?state=revoked',
      );
      expect(closed.body.find((r) => r.requestId === request.requestId)).toMatchObject({
        revokedByApprovalId: `SP-${RUN}-FALSE-1-R`,
      });
    });
    const t = await timeline(g.approvalId);
    expect(kinds(t)).toEqual([
      'received',
      'pushed:SSJ',
      'claimed:SSJ',
      'supervised:SSJ',
      'fed-back:SSJ',
      'revocation-requested:SSJ',
      'revoked:SSJ',
    ]);
    expect(t.timeline.find((e) => e.kind === 'fed-back')?.detail).toMatchObject({ affects: ['approval', 'credit'] });
    // The revocation is itself a decision pushed to the supervising department (双推送).
    await eventually(async () => expect((await supervised(`SP-${RUN}-FALSE-1-R`, 'SSJ'))[0]?.state).toBe('pushed'));
  });

  it('closes a revocation request read after the revocation that answers it, as a replay may read them', async () => {
    const g = grant(nextUscc(), `SP-${RUN}-LATE-1`, 'SPJ-GGWS-005');
    await publishDecisions(iso.brokers, iso.topicPrefix, [decisionEvent(LicenceGrantedV1.type, g)]);
    await eventually(async () => expect((await supervised(g.approvalId, 'SSJ'))[0]?.state).toBe('pushed'));
    const requestId = randomUUID();
    const revocation = revoke(g, `SP-${RUN}-LATE-1-R`, requestId);
    await publishDecisions(iso.brokers, iso.topicPrefix, [decisionEvent(LicenceRevokedV1.type, revocation)]);
    await eventually(async () => expect(kinds(await timeline(revocation.approvalId))).toContain('received'));

    // The supervision app's request, as its topic carries it, read only now.
    const request = createEvent(
      PushRevocationRequestedV1,
      {
        uscc: g.uscc,
        approvalId: g.approvalId,
        department: 'SSJ',
        actor: 'SSJ-7',
        at: new Date().toISOString(),
        requestId,
        actionId: randomUUID(),
        licenceNo: g.licenceNo,
        reason: '从业人员未取得健康证明，承诺不实',
      },
      { source: '/apps/supervision', id: randomUUID() },
    );
    // As the supervision app, the owner of the topic.
    const producer = testKafka(iso.brokers, 'supervision').producer();
    await producer.connect();
    await producer.send({
      topic: `${iso.topicPrefix}${Topics.SupervisionPushV1}`,
      messages: [toKafkaMessage({ ...request, partitionkey: g.uscc }, 'binary')],
    });
    await producer.disconnect();

    await eventually(async () => {
      const closed = await call<{ requestId: string; revokedByApprovalId: string }[]>(
        'approval',
        'SPJ',
        'GET',
        '/v1/revocation-requests?state=revoked',
      );
      expect(closed.body.find((r) => r.requestId === requestId)).toMatchObject({
        revokedByApprovalId: revocation.approvalId,
      });
      expect(kinds(await timeline(g.approvalId)).sort()).toEqual([
        'pushed:SSJ',
        'received',
        'revocation-requested:SSJ',
        'revoked:SSJ',
      ]);
    });
  });

  it('applies a duplicated decision once, and a claim that arrives before its push', async () => {
    const g = grant(nextUscc(), `SP-${RUN}-DUP-1`, 'SPJ-YPLS-004');
    const event = decisionEvent(LicenceGrantedV1.type, g);
    // The same event twice, and the same decision resent under a new event id.
    await publishDecisions(iso.brokers, iso.topicPrefix, [event, event, decisionEvent(LicenceGrantedV1.type, g)]);

    const early = grant(nextUscc(), `SP-${RUN}-EARLY-1`, 'SPJ-YPLS-004');
    const claim = await call<{ state: string; pushId: string | null }>('supervision', 'SCJG', 'POST', '/v1/claims', {
      approvalId: early.approvalId,
      uscc: early.uscc,
      actor: 'SCJG-system',
    });
    expect(claim.status).toBe(202); // held until its push arrives
    expect(claim.body).toMatchObject({ state: 'held', pushId: null });
    await publishDecisions(iso.brokers, iso.topicPrefix, [decisionEvent(LicenceGrantedV1.type, early)]);

    await eventually(async () => {
      const [row] = await supervised(early.approvalId, 'SCJG');
      expect(row.push_id).not.toBeNull();
      expect(row.state).toBe('claimed');
      expect(row.claimed_at!.getTime()).toBe(row.pushed_at!.getTime()); // never dated before its push
    });
    await eventually(async () =>
      expect(kinds(await timeline(early.approvalId)).sort()).toEqual(['claimed:SCJG', 'pushed:SCJG', 'received']),
    );
    await eventually(async () => expect(await supervised(g.approvalId, 'SCJG')).toHaveLength(1));
    const counts = await sql<{ approvals: number; pushes: number; entries: number }>(
      iso.databaseUrl,
      `SELECT (SELECT count(*)::int FROM approval.approval WHERE approval_id = $1) AS approvals,
              (SELECT count(*)::int FROM approval.push WHERE approval_id = $1) AS pushes,
              (SELECT count(*)::int FROM approval.timeline_entry WHERE approval_id = $1) AS entries`,
      [g.approvalId],
    );
    expect(counts).toEqual([{ approvals: 1, pushes: 1, entries: 2 }]);
  });

  it('claims a batch, answering each claim: claimed, already claimed, returned, not pushed, invalid', async () => {
    const pushed = grant(nextUscc(), `SP-${RUN}-BATCH-1`, 'SPJ-SPJY-001');
    const returned = grant(nextUscc(), `SP-${RUN}-BATCH-2`, 'SPJ-SPJY-001');
    await publishDecisions(iso.brokers, iso.topicPrefix, [
      decisionEvent(LicenceGrantedV1.type, pushed),
      decisionEvent(LicenceGrantedV1.type, returned),
    ]);
    await eventually(async () => {
      expect((await supervised(pushed.approvalId, 'SCJG'))[0]?.state).toBe('pushed');
      expect((await supervised(returned.approvalId, 'SCJG'))[0]?.state).toBe('pushed');
    });
    const back = await call('supervision', 'SCJG', 'POST', '/v1/returns', {
      approvalId: returned.approvalId,
      actor: 'SCJG-0042',
      reason: '不属于本部门监管范围',
    });
    expect(back.status).toBe(200);
    const early = grant(nextUscc(), `SP-${RUN}-BATCH-3`, 'SPJ-SPJY-001');

    const batch = await call<{
      claimed: number;
      refused: number;
      results: {
        index: number;
        status: number;
        claimed?: boolean;
        push?: { approvalId: string; state: string; pushId: string | null };
        problem?: { type: string; status: number; errors?: { field: string; rule: string }[] };
      }[];
    }>('supervision', 'SCJG', 'POST', '/v1/claims:batch', [
      { approvalId: pushed.approvalId, actor: 'SCJG-system' },
      { approvalId: pushed.approvalId, actor: 'SCJG-system' },
      { approvalId: returned.approvalId, actor: 'SCJG-system' },
      { approvalId: early.approvalId, uscc: early.uscc, actor: 'SCJG-system' },
      { approvalId: `SP-${RUN}-BATCH-4`, actor: 'SCJG-system' },
      { approvalId: 'not an id!', actor: 'SCJG-system', extra: 1 },
      42,
    ]);
    expect(batch.status).toBe(207);
    expect(batch.body).toMatchObject({ claimed: 2, held: 1, refused: 4 });
    const [first, again, refused, ahead, notPushed, invalid, notObject] = batch.body.results;
    expect(batch.body.results.map((r) => r.index)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(first).toMatchObject({
      status: 200,
      claimed: true,
      push: { approvalId: pushed.approvalId, state: 'claimed' },
    });
    expect(again).toMatchObject({ status: 200, claimed: false, push: { state: 'claimed' } });
    expect(refused).toMatchObject({ status: 409, problem: { type: 'urn:hub:problem:conflict', status: 409 } });
    expect(ahead).toMatchObject({ status: 202, push: { state: 'held', pushId: null } });
    expect(notPushed.problem).toMatchObject({ type: 'urn:hub:problem:push-not-received', status: 409 });
    expect(invalid).toMatchObject({ status: 400, problem: { type: 'urn:hub:problem:invalid-request' } });
    expect(invalid.problem!.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: '[5].approvalId', rule: 'matches' }),
        expect.objectContaining({ field: '[5].extra', rule: 'whitelistValidation' }),
      ]),
    );
    expect(notObject).toMatchObject({ status: 400, problem: { errors: [{ field: '[6]', rule: 'isObject' }] } });

    // Claimed once, whatever the batch repeated; the held claim is made when its push arrives.
    await publishDecisions(iso.brokers, iso.topicPrefix, [decisionEvent(LicenceGrantedV1.type, early)]);
    await eventually(async () => {
      expect(kinds(await timeline(pushed.approvalId))).toEqual(['received', 'pushed:SCJG', 'claimed:SCJG']);
      expect(kinds(await timeline(early.approvalId)).sort()).toEqual(['claimed:SCJG', 'pushed:SCJG', 'received']);
    });
    expect((await supervised(returned.approvalId, 'SCJG'))[0].state).toBe('returned');

    const everything = await call<{ results: { status: number }[] }>(
      'supervision',
      'SCJG',
      'POST',
      '/v1/claims:batch',
      [{ approvalId: pushed.approvalId, actor: 'SCJG-system' }],
    );
    expect(everything).toMatchObject({ status: 200, body: { results: [{ status: 200 }] } });
    const tooMany = Array.from({ length: 501 }, (_, i) => ({ approvalId: `SP-${RUN}-MANY-${i}`, actor: 'x' }));
    expect((await call('supervision', 'SCJG', 'POST', '/v1/claims:batch', tooMany)).status).toBe(413);
    expect((await call('supervision', 'SCJG', 'POST', '/v1/claims:batch', [])).status).toBe(400);
    expect((await call('supervision', 'SCJG', 'POST', '/v1/claims:batch', { approvalId: 'x' })).status).toBe(400);
  });

  it('answers unsigned, forbidden and invalid requests with problem details', async () => {
    expect((await fetch(`${url('supervision')}/v1/ledgers/SCJG`)).status).toBe(401);
    const forbidden = await call('approval', 'SCJG', 'PUT', '/v1/matters/SPJ-TEST-099', {
      name: '测试事项',
      reformMode: 'ordinary',
      effectiveFrom: '2026-01-01',
      departments: ['SCJG'],
    });
    expect(forbidden.status).toBe(403);
    const invalid = await call<{ errors: { field: string; rule: string }[] }>(
      'supervision',
      'SCJG',
      'POST',
      '/v1/supervisions',
      {
        approvalId: `SP-${RUN}-LOOP-1`,
        actor: 'x',
        action: 'phone-call',
        result: 'compliant',
        findings: 'x',
      },
    );
    expect(invalid.status).toBe(400);
    expect(invalid.body.errors).toContainEqual(expect.objectContaining({ field: 'action', rule: 'isIn' }));
    expect((await call('supervision', 'SCJG', 'GET', '/v1/ledgers/YJJ')).status).toBe(403);
  });

  it('versions a matter and its responsibility list through the API', async () => {
    const body = { name: '测试事项', reformMode: 'ordinary', effectiveFrom: '2026-01-01', departments: ['SCJG'] };
    expect((await call('approval', 'SPJ', 'PUT', '/v1/matters/SPJ-TEST-099', body)).status).toBe(200);
    const second = await call<{ version: number; departments: string[] }>(
      'approval',
      'ZFW',
      'PUT',
      '/v1/matters/SPJ-TEST-099',
      {
        ...body,
        effectiveFrom: '2026-06-01',
        departments: ['SCJG', 'YJJ'],
      },
    );
    expect(second.body).toMatchObject({ version: 2, departments: ['SCJG', 'YJJ'] });
    const backdated = await call('approval', 'SPJ', 'PUT', '/v1/matters/SPJ-TEST-099', {
      ...body,
      effectiveFrom: '2025-01-01',
    });
    expect(backdated.status).toBe(409);
    const versions = await call<{ version: number; effectiveFrom: string }[]>(
      'approval',
      'SCJG',
      'GET',
      '/v1/matters/SPJ-TEST-099',
    );
    expect(versions.body.map((v) => [v.version, v.effectiveFrom])).toEqual([
      [1, '2026-01-01'],
      [2, '2026-06-01'],
    ]);
  });

  it("takes a grant from the 审批局 system through the gateway's signed HTTP intake", async () => {
    const admin = { accessKeyId: 'e2e-linkage-admin', secret: 'e2e-linkage-admin-secret-0123456789' };
    const registered = await callWith<{ credential: { accessKeyId: string; secret: string } }>(
      url('gateway'),
      admin,
      'POST',
      '/v1/admin/systems',
      {
        department: 'SPJ',
        name: 'approval',
        description: '审批局 approval system (e2e)',
      },
    );
    expect(registered.status).toBe(201);
    const g = grant(nextUscc(), `SP-${RUN}-HTTP-1`, 'SPJ-HYYS-007', {
      commitments: [{ code: 'C1', text: '车辆符合技术标准' }],
    });
    const accepted = await callWith(
      url('gateway'),
      registered.body.credential,
      'POST',
      '/v1/events',
      decisionEvent(LicenceGrantedV1.type, g),
      'application/cloudevents+json',
    );
    expect(accepted.status).toBe(202);
    await eventually(async () => expect((await supervised(g.approvalId, 'JTJ'))[0]?.state).toBe('pushed'));
    expect(kinds(await timeline(g.approvalId))).toEqual(['received', 'pushed:JTJ']);
  });

  it("takes a department system's claims through the gateway, and answers one on an approval it returned with why not", async () => {
    const [g, r] = [1, 2].map((n) => grant(nextUscc(), `SP-${RUN}-KCLAIM-${n}`, 'SPJ-SPJY-001'));
    await publishDecisions(
      iso.brokers,
      iso.topicPrefix,
      [g, r].map((d) => decisionEvent(LicenceGrantedV1.type, d)),
    );
    await eventually(async () => {
      expect((await supervised(g.approvalId, 'SCJG'))[0]?.state).toBe('pushed');
      expect((await supervised(r.approvalId, 'SCJG'))[0]?.state).toBe('pushed');
    });
    const returned = await call('supervision', 'SCJG', 'POST', '/v1/returns', {
      approvalId: r.approvalId,
      actor: 'SCJG-desk',
      reason: '不属本部门监管职责',
    });
    expect(returned.status).toBe(200);

    const at = new Date().toISOString();
    const claims = [g, r].map((d) =>
      claimRequest('SCJG', { uscc: d.uscc, approvalId: d.approvalId, actor: 'SCJG-case-system', at }),
    );
    await publishOnIngress(iso.brokers, iso.topicPrefix, 'SCJG', claims);

    await eventually(async () =>
      expect((await supervised(g.approvalId, 'SCJG'))[0]).toMatchObject({ state: 'claimed', claimed_at: new Date(at) }),
    );
    const t = await eventually(async () => {
      const current = await timeline(g.approvalId);
      expect(kinds(current)).toEqual(['received', 'pushed:SCJG', 'claimed:SCJG']);
      return current;
    });
    expect(t.timeline.find((e) => e.kind === 'claimed')?.actor).toBe('SCJG-case-system');

    const refused = await eventually(async () => {
      const current = await timeline(r.approvalId);
      expect(kinds(current)).toContain('claim-refused:SCJG');
      return current.timeline.find((e) => e.kind === 'claim-refused')!;
    });
    expect(refused).toMatchObject({
      actor: 'SCJG-case-system',
      detail: { reason: `SCJG returned approval ${r.approvalId}` },
    });
    expect((await supervised(r.approvalId, 'SCJG'))[0]?.state).toBe('returned');
  });

  it('rebuilds the same linkage state when the topics are replayed into empty schemas', async () => {
    const snapshot = async () => ({
      approvals: await sql(iso.databaseUrl, `SELECT * FROM approval.approval ORDER BY approval_id`),
      pushes: await sql(iso.databaseUrl, `SELECT * FROM approval.push ORDER BY push_id`),
      timeline: await sql(iso.databaseUrl, `SELECT * FROM approval.timeline_entry ORDER BY event_id`),
      requests: await sql(iso.databaseUrl, `SELECT * FROM approval.revocation_request ORDER BY request_id`),
      supervised: await sql(iso.databaseUrl, `SELECT * FROM supervision.push ORDER BY approval_id, department`),
      actions: await sql(iso.databaseUrl, `SELECT * FROM supervision.supervision_action ORDER BY action_id`),
    });
    // Kafka must hold the whole state before the schemas go: every outbox relayed and both consumers caught up
    // (the state stands still), or an event still in an outbox would be dropped with its schema.
    await eventually(
      async () => {
        const [pending] = await sql<{ n: string }>(
          iso.databaseUrl,
          `SELECT (SELECT count(*) FROM approval.outbox) + (SELECT count(*) FROM supervision.outbox) AS n`,
        );
        expect(Number(pending!.n)).toBe(0);
        const first = await snapshot();
        await new Promise((resolve) => setTimeout(resolve, 1_500));
        expect(await snapshot()).toEqual(first);
      },
      { timeoutMs: 60_000, intervalMs: 500 },
    );
    await apps.get('approval')!.stop();
    await apps.get('supervision')!.stop();
    const before = await snapshot();
    expect(before.timeline.length).toBeGreaterThan(20);

    await sql(iso.databaseUrl, `DROP SCHEMA approval CASCADE`);
    await sql(iso.databaseUrl, `DROP SCHEMA supervision CASCADE`);
    const admin = testKafka(iso.brokers).admin();
    await admin.connect();
    await admin.deleteGroups([`${iso.topicPrefix}approval`, `${iso.topicPrefix}supervision`]);
    await admin.disconnect();
    apps.set('approval', await startAppProcess('approval', envOf('approval')));
    apps.set('supervision', await startAppProcess('supervision', envOf('supervision')));

    const after = await eventually(
      async () => {
        const now = await snapshot();
        expect(now.timeline.length).toBe(before.timeline.length);
        expect(now.actions.length).toBe(before.actions.length);
        expect(now).toEqual(before);
        return now;
      },
      { timeoutMs: 120_000, intervalMs: 1_000 },
    );
    // Both revocation requests closed again, the one read after its revocation included.
    expect(after.requests.map((r) => (r as { state: string }).state)).toEqual(['revoked', 'revoked']);
  });
});
