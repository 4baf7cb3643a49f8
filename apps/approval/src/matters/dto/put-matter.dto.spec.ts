import { validateItem } from '@hub/platform';
import { PutMatterDto } from './put-matter.dto';

describe('PutMatterDto', () => {
  const matter = { name: '测试事项', reformMode: 'ordinary', effectiveFrom: '2026-01-01', departments: ['SCJG'] };

  it('takes supervising departments', () => {
    expect(validateItem(PutMatterDto, matter).ok).toBe(true);
  });

  it('refuses the 审批局 among the supervising departments (审管分离)', () => {
    const checked = validateItem(PutMatterDto, { ...matter, departments: ['SCJG', 'SPJ'] });
    expect(checked).toEqual({
      ok: false,
      errors: [expect.objectContaining({ field: 'departments', rule: 'arrayNotContains' })],
    });
  });
});
