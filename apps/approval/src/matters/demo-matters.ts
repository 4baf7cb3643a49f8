import type { MatterVersion } from './entities/matter-version.entity';

type DemoMatter = Omit<MatterVersion, 'version' | 'changedAt' | 'changedBy'>;

// Time limits seen in practice (GLOSSARY): push within 2 working days, claim within 2; verification of 告知承诺
// commitments within the period the matter's rules set (here 20 or 10 working days).
const LIMITS = { pushWorkdays: 2, claimWorkdays: 2 } as const;

/** The demo zone's catalogue: matters the 审批局 decides and who supervises them. */
export const DEMO_MATTERS: readonly DemoMatter[] = [
  {
    matterCode: 'SPJ-SPJY-001',
    name: '食品经营许可',
    reformMode: 'commitment',
    category: '实行告知承诺',
    departments: ['SCJG'],
    supervisionWorkdays: 20,
  },
  {
    matterCode: 'SPJ-WHPJY-002',
    name: '危险化学品经营许可',
    reformMode: 'ordinary',
    category: '优化审批服务',
    departments: ['YJJ'],
    supervisionWorkdays: 10,
  },
  {
    matterCode: 'SPJ-SGXK-003',
    name: '建筑工程施工许可',
    reformMode: 'ordinary',
    category: '优化审批服务',
    departments: ['CGJ', 'ZGJ'],
    supervisionWorkdays: 10,
  },
  {
    matterCode: 'SPJ-YPLS-004',
    name: '药品零售企业经营许可',
    reformMode: 'ordinary',
    category: '优化审批服务',
    departments: ['SCJG'],
    supervisionWorkdays: 20,
  },
  {
    matterCode: 'SPJ-GGWS-005',
    name: '公共场所卫生许可',
    reformMode: 'commitment',
    category: '实行告知承诺',
    departments: ['SSJ'],
    supervisionWorkdays: 20,
  },
  {
    matterCode: 'SPJ-PWXK-006',
    name: '排污许可',
    reformMode: 'ordinary',
    category: null,
    departments: ['STHJ'],
    supervisionWorkdays: 20,
  },
  {
    matterCode: 'SPJ-HYYS-007',
    name: '道路货物运输经营许可',
    reformMode: 'commitment',
    category: '实行告知承诺',
    departments: ['JTJ'],
    supervisionWorkdays: 20,
  },
  {
    matterCode: 'SPJ-LMCF-008',
    name: '林木采伐许可',
    reformMode: 'ordinary',
    category: null,
    departments: ['LSJ'],
    supervisionWorkdays: 10,
  },
  {
    matterCode: 'SPJ-SPXZF-009',
    name: '食品小作坊登记',
    reformMode: 'filing',
    category: '审批改为备案',
    departments: ['SCJG'],
    supervisionWorkdays: 20,
  },
  // A matter newly devolved to the zone whose supervising department is not settled yet: its approvals wait for
  // the coordinator (unassigned queue).
  {
    matterCode: 'SPJ-XFSD-010',
    name: '人力资源服务许可（新下放）',
    reformMode: 'ordinary',
    category: '优化审批服务',
    departments: [],
    supervisionWorkdays: 20,
  },
].map((m) => ({
  ...m,
  ...LIMITS,
  reformMode: m.reformMode as MatterVersion['reformMode'],
  effectiveFrom: '2021-01-01',
}));
