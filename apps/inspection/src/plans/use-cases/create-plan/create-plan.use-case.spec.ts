import { plainToInstance } from 'class-transformer';
import { CreatePlanDto } from './plan.dto';
import { planErrors } from './create-plan.use-case';

const dto = (change: Partial<CreatePlanDto> = {}) =>
  plainToInstance(CreatePlanDto, {
    title: '2026 年食品安全联合抽查',
    year: 2026,
    departments: [
      { code: 'SCJG', inspectorsPerTarget: 2, itemCodes: ['SCJG-SP-001'] },
      { code: 'YJJ', inspectorsPerTarget: 1, itemCodes: ['YJJ-AQ-001'] },
    ],
    enterpriseAnnualCap: 2,
    inspectionDate: '2026-12-15',
    ...change,
  });

describe('CreatePlan: the rules of a plan', () => {
  it('accepts a joint plan led by the caller with two inspectors of its own per target', () => {
    expect(planErrors('SCJG', dto())).toEqual([]);
  });

  it('wants the caller to lead, with at least two inspectors per target', () => {
    expect(planErrors('YJJ', dto()).map((e) => `${e.field}:${e.rule}`)).toEqual(['departments[0].code:leadIsCaller']);
    const one = dto({ departments: [{ code: 'SCJG', inspectorsPerTarget: 1, itemCodes: ['SCJG-SP-001'] }] });
    expect(planErrors('SCJG', one).map((e) => `${e.field}:${e.rule}`)).toEqual([
      'departments[0].inspectorsPerTarget:min',
    ]);
  });

  it('refuses a department twice and an inspection day outside the year', () => {
    const twice = dto({
      inspectionDate: '2027-01-05',
      departments: [
        { code: 'SCJG', inspectorsPerTarget: 2, itemCodes: ['SCJG-SP-001'] },
        { code: 'SCJG', inspectorsPerTarget: 2, itemCodes: ['SCJG-SP-002'] },
      ],
    });
    expect(planErrors('SCJG', twice).map((e) => `${e.field}:${e.rule}`)).toEqual([
      'departments[1].code:unique',
      'inspectionDate:inPlanYear',
    ]);
  });
});
