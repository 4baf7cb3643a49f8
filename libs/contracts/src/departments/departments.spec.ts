import 'reflect-metadata';
import { validateSync } from 'class-validator';
import {
  COORDINATORS,
  DEPARTMENTS,
  IsDepartmentCode,
  departmentByCode,
  isCoordinator,
  isDepartmentCode,
  parseDepartments,
} from './departments';

// The 25 departments named in the rule-of-law plan (GLOSSARY.md), in its order.
const NAMED_IN_THE_PLAN = [
  '党群部',
  '党政办',
  '经发局',
  '审批局',
  '政法委',
  '财政局',
  '人社局',
  '市场监管分局',
  '社会事务局',
  '自然资源和规划分局',
  '生态环境分局',
  '应急局',
  '公安分局',
  '城管局',
  '交通局',
  '林水局',
  '教体局',
  '国资中心',
  '信息化中心',
  '宣传中心',
  '审计室',
  '纪工委监察组',
  '依法治区办',
  '托管镇',
  '社区办',
];

describe('departments', () => {
  it('are the 25 named in the plan, each once', () => {
    expect(DEPARTMENTS.map((d) => d.name)).toEqual(NAMED_IN_THE_PLAN);
    expect(new Set(DEPARTMENTS.map((d) => d.code)).size).toBe(25);
  });

  it('keep the codes the glossary and the brief fix', () => {
    expect(departmentByCode('SPJ')).toMatchObject({ name: '审批局', kind: 'bureau' });
    expect(departmentByCode('SCJG')).toMatchObject({ name: '市场监管分局', kind: 'bureau' });
    expect(departmentByCode('YJJ')?.name).toBe('应急局');
    expect(departmentByCode('DZB')?.name).toBe('党政办');
    expect(departmentByCode('ZFW')?.name).toBe('政法委');
    expect(departmentByCode('CGJ')?.name).toBe('城管局');
    expect(departmentByCode('TGZ')?.kind).toBe('township');
    expect(departmentByCode('SQB')?.kind).toBe('community');
  });

  it('each have an English name', () => {
    for (const d of DEPARTMENTS) expect(d.nameEn).toMatch(/^[A-Z][A-Za-z' -]+$/);
  });

  it('answer isDepartmentCode exactly', () => {
    expect(isDepartmentCode('SPJ')).toBe(true);
    expect(isDepartmentCode('spj')).toBe(false);
    expect(isDepartmentCode('XYZ')).toBe(false);
    expect(isDepartmentCode(undefined)).toBe(false);
  });

  it('are immutable', () => {
    expect(Object.isFrozen(DEPARTMENTS)).toBe(true);
    expect(Object.isFrozen(DEPARTMENTS[0])).toBe(true);
  });

  it('refuse a bad seed, naming every problem', () => {
    expect(() => parseDepartments({})).toThrow(/expected a JSON array/);
    expect(() =>
      parseDepartments([
        { code: 'SPJ', kind: 'bureau', name: '审批局', nameEn: 'Administrative Approval Bureau' },
        { code: 'SPJ', kind: 'agency', name: '', nameEn: 'x' },
        { code: 'spj1', kind: 'bureau', name: 'x' },
      ]),
    ).toThrow(
      /\[1\]\.code SPJ is used twice; \[1\]\.kind must be one of .*; \[1\]\.name must be a non-empty string; \[2\]\.code must be 2-6 upper-case letters; \[2\]\.nameEn/,
    );
  });

  it('@IsDepartmentCode names its rule', () => {
    class Holder {
      @IsDepartmentCode()
      department!: string;
    }
    expect(validateSync(Object.assign(new Holder(), { department: 'SPJ' }))).toEqual([]);
    expect(validateSync(Object.assign(new Holder(), { department: 'NOPE' }))[0]?.constraints).toEqual({
      isDepartmentCode: expect.stringMatching(/department must be a department code from seed\/departments.json/),
    });
  });

  it('the coordinators are 政法委 and 党政办, departments of the seed file', () => {
    expect(COORDINATORS.map((c) => departmentByCode(c)?.name)).toEqual(['政法委', '党政办']);
    expect(isCoordinator('DZB')).toBe(true);
    expect(isCoordinator('SCJG')).toBe(false);
  });
});
