import { randomUUID } from 'node:crypto';
import {
  CloudEvent,
  EnterpriseDeregisteredV1,
  EnterpriseDeregisteredV1Payload,
  EnterpriseRegisteredV1,
  EnterpriseRegisteredV1Payload,
  makeUscc,
} from '@hub/contracts';

/** 130871: the administrative division code of 承德高新技术产业开发区, positions 3–8 of its enterprises' codes. */
const ZONE_DIVISION = '130871';
/** Characters allowed in a 统一社会信用代码 (GB 32100-2015: no I, O, S, V, Z). */
const CODE_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';

const TRADE_NAMES = ['华承', '冀北', '避暑', '滦河', '武烈', '磬锤', '燕山', '塞罕', '双峰', '兴隆', '金山', '承源'];
const INDUSTRIES: [code: string, label: string][] = [
  ['C1351', '食品'],
  ['C2929', '新材料'],
  ['C3981', '电子元件'],
  ['F5211', '商贸'],
  ['H6210', '餐饮'],
  ['I6513', '软件'],
  ['M7320', '检测'],
  ['C2710', '制药'],
];
const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴'];
const GIVEN = ['建国', '秀英', '志强', '丽娟', '海涛', '春梅', '国庆', '晓燕'];

/** A small deterministic generator (mulberry32), so the same seed gives the same demo zone every time. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The n-th demo enterprise's code: 91 (enterprise, company) + the zone's division + MA + 7 chars + check. */
export function demoUscc(n: number): string {
  let body = '';
  let rest = n;
  for (let i = 0; i < 7; i++) {
    body = CODE_CHARS[rest % CODE_CHARS.length] + body;
    rest = Math.floor(rest / CODE_CHARS.length);
  }
  return makeUscc(`91${ZONE_DIVISION}MA${body}`);
}

/** `count` enterprises of the demo zone, starting at number `from`. */
export function demoEnterprises(count: number, from = 0, seed = 2026): EnterpriseRegisteredV1Payload[] {
  const out: EnterpriseRegisteredV1Payload[] = [];
  for (let n = from; n < from + count; n++) {
    const random = seededRandom(seed + n);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
    const [industryCode, label] = pick(INDUSTRIES);
    const year = 2005 + Math.floor(random() * 21);
    const month = String(1 + Math.floor(random() * 12)).padStart(2, '0');
    const day = String(1 + Math.floor(random() * 28)).padStart(2, '0');
    out.push({
      uscc: demoUscc(n),
      name: `承德${pick(TRADE_NAMES)}${label}有限公司${n}`,
      legalRepresentative: pick(SURNAMES) + pick(GIVEN),
      address: `河北省承德市高新区${pick(['上板城镇', '冯营子镇', '西区', '东区'])}${1 + Math.floor(random() * 300)}号`,
      industryCode,
      establishedOn: `${year}-${month}-${day}`,
      registeredCapitalYuan: Math.round(random() * 500) * 10_000,
    });
  }
  return out;
}

/** The 审批局's registration system announcing an enterprise (the shape a department system would publish). */
export function enterpriseRegisteredEvent(
  enterprise: EnterpriseRegisteredV1Payload,
  id = `demo-${enterprise.uscc}`,
): CloudEvent<EnterpriseRegisteredV1Payload> {
  return {
    specversion: '1.0',
    id,
    source: '/departments/SPJ/systems/registration',
    type: EnterpriseRegisteredV1.type,
    subject: enterprise.uscc,
    partitionkey: enterprise.uscc,
    time: new Date().toISOString(),
    datacontenttype: 'application/json',
    department: 'SPJ',
    data: enterprise,
  };
}

/** The 审批局's registration system announcing that an enterprise was deregistered (注销登记). */
export function enterpriseDeregisteredEvent(
  uscc: string,
  reason = '注销登记',
  id: string = randomUUID(),
): CloudEvent<EnterpriseDeregisteredV1Payload> {
  return {
    specversion: '1.0',
    id,
    source: '/departments/SPJ/systems/registration',
    type: EnterpriseDeregisteredV1.type,
    subject: uscc,
    partitionkey: uscc,
    datacontenttype: 'application/json',
    department: 'SPJ',
    data: { uscc, deregisteredOn: '2026-11-27', reason },
  };
}
