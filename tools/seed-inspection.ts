import { createHash } from 'node:crypto';
import { RiskClassGradedV1, type RiskClass } from '@hub/contracts';
import { DEMO_ENTERPRISES } from './seed-demo';
import { demoEnterprises } from '@hub/demo';
import { HubClient, HubError } from '@hub/sdk';

interface Credential {
  accessKeyId: string;
  secret: string;
  /** The system's own `source` (its events must carry it). */
  source: string;
}

const PLAN_ID = 'DEMO-2026-JOINT';
const ITEMS = {
  SCJG: [{ code: 'SCJG-GS-001', name: '企业公示信息情况检查', legalBasis: '《企业信息公示暂行条例》第十四条' }],
  YJJ: [{ code: 'YJJ-AQ-001', name: '安全生产主体责任落实情况检查', legalBasis: '《安全生产法》第六十五条' }],
} as const;
const INSPECTORS = {
  SCJG: ['王强', '李明', '赵刚', '孙丽', '周杰', '吴敏'],
  YJJ: ['郑华', '冯涛', '陈静', '褚亮'],
} as const;

/** A demo enterprise's class, fixed by its code: about 15 % A, 50 % B, 25 % C, 10 % D. */
function riskOf(uscc: string): RiskClass {
  const n = createHash('sha256').update(uscc).digest()[0]! / 256;
  return n < 0.15 ? 'A' : n < 0.65 ? 'B' : n < 0.9 ? 'C' : 'D';
}

/**
 * 双随机、一公开's demo, outside production: SCJG grades the demo enterprises; SCJG and 应急局 (YJJ) list an item
 * and their inspectors; a joint plan of both is locked, drawn with a fixed witness value and has some results,
 * published — so that `GET /v1/inspection/public/draws` shows a real record. Running it again adds nothing.
 */
export async function seedDemoInspection(gatewayUrl: string, scjg: Credential, yjj: Credential): Promise<string> {
  const systems = {
    SCJG: new HubClient({ url: gatewayUrl, accessKeyId: scjg.accessKeyId, secret: scjg.secret, retries: 5 }),
    YJJ: new HubClient({ url: gatewayUrl, accessKeyId: yjj.accessKeyId, secret: yjj.secret, retries: 5 }),
  };
  const enterprises = demoEnterprises(DEMO_ENTERPRISES);
  const grades = enterprises.map((e) => ({
    id: `demo-risk-${e.uscc}`,
    source: scjg.source,
    type: RiskClassGradedV1.type,
    subject: e.uscc,
    data: { uscc: e.uscc, riskClass: riskOf(e.uscc), gradedOn: '2026-10-08', source: '企业信用风险分类（演示）' },
  }));
  for (let i = 0; i < grades.length; i += 500) {
    const sent = await systems.SCJG.publishBatch(grades.slice(i, i + 500));
    if (sent.status >= 300) throw new Error(`the demo risk grades were refused (${sent.status})`);
  }
  for (const department of ['SCJG', 'YJJ'] as const) {
    for (const item of ITEMS[department]) {
      await systems[department].request('PUT', `/v1/inspection/items/${department}/${item.code}`, {
        body: { name: item.name, legalBasis: item.legalBasis, keyItem: true, enterpriseKinds: [], licenceTypes: [] },
      });
    }
    for (const [i, name] of INSPECTORS[department].entries()) {
      const certificateNo = `${department}-1308${String(i + 1).padStart(4, '0')}`;
      await systems[department].request('PUT', `/v1/inspection/inspectors/${certificateNo}`, {
        body: { name, validFrom: '2024-01-01', validUntil: '2028-12-31', specialities: [], conflicts: [] },
      });
    }
  }
  await targetsArrived(systems.SCJG, enterprises.length);
  let plan = await find(systems.SCJG, PLAN_ID);
  if (!plan) {
    plan = await systems.SCJG.request<{ state: string }>('POST', '/v1/inspection/plans', {
      body: {
        id: PLAN_ID,
        title: '2026 年度企业公示信息与安全生产联合抽查（演示）',
        year: 2026,
        departments: [
          { code: 'SCJG', inspectorsPerTarget: 2, itemCodes: ['SCJG-GS-001'] },
          { code: 'YJJ', inspectorsPerTarget: 1, itemCodes: ['YJJ-AQ-001'] },
        ],
        maxTargetsPerInspector: 10,
        enterpriseAnnualCap: 2,
        inspectionDate: '2026-12-15',
      },
    });
  }
  if (plan.state === 'draft') await systems.SCJG.request('POST', `/v1/inspection/plans/${PLAN_ID}/lock`);
  if (plan.state !== 'drawn') {
    await systems.YJJ.request('POST', `/v1/inspection/plans/${PLAN_ID}/draws`, {
      body: { entropy: '体彩排列5 第 26321 期 4 0 7 1 9（演示）', witness: '中国体育彩票排列5（演示）' },
    });
  }
  let results = 0;
  for (const department of ['SCJG', 'YJJ'] as const) {
    const tasks = await systems[department].request<{ id: string; state: string }[]>('GET', '/v1/inspection/tasks', {
      query: { planId: PLAN_ID },
    });
    const done = tasks.filter((t) => t.state === 'done').length;
    for (const task of tasks.filter((t) => t.state === 'assigned').slice(0, Math.max(0, 3 - done))) {
      await systems[department].request('POST', `/v1/inspection/tasks/${task.id}/result`, {
        body: { category: 'no-problem', findings: '现场检查未发现问题（演示）', resultOn: '2026-12-15', publish: true },
      });
      results++;
    }
  }
  return `joint plan ${PLAN_ID} of SCJG and YJJ drawn (GET /v1/inspection/public/draws/${PLAN_ID}.1), ${results} new results`;
}

async function find(hub: HubClient, id: string): Promise<{ state: string } | null> {
  try {
    return await hub.request<{ state: string }>('GET', `/v1/inspection/plans/${id}`);
  } catch (error) {
    if (error instanceof HubError && error.status === 404) return null;
    throw error;
  }
}

/** The registrations reach the inspection app through the 审批局's ingress topic: wait for them (60 s at most). */
async function targetsArrived(hub: HubClient, count: number): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const found = await hub.request<unknown[]>('GET', '/v1/inspection/targets', { query: { limit: String(count) } });
    if (found.length >= count) return;
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
  throw new Error(`the inspection app has not received the ${count} demo enterprises within 60 s`);
}
