import { validateItem } from '@hub/platform';
import { ResultDto } from './result.dto';

describe('ResultDto', () => {
  it("holds a supervisor's result to the contract's rules, without the task's identity", () => {
    const good = { category: 'no-problem', findings: '未发现问题', resultOn: '2026-12-15', publish: true };
    expect(validateItem(ResultDto, good)).toMatchObject({ ok: true });
    const bad = validateItem(ResultDto, { ...good, category: 'fine', taskId: 'T-1' });
    expect(!bad.ok && bad.errors.map((e) => `${e.field}:${e.rule}`).sort()).toEqual([
      'category:isIn',
      'taskId:whitelistValidation',
    ]);
  });
});
