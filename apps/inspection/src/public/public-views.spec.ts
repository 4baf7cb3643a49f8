import type { TargetView } from '../directories/targets.repository';
import { publicTarget } from './public-views';

const target = (change: Partial<TargetView>): TargetView => ({
  uscc: '91130871MA0CXQ123U',
  name: '承德示例食品有限公司',
  kind: 'enterprise',
  operator: '张三丰',
  address: '承德高新区示例路 1 号',
  industryCode: 'H6210',
  establishedOn: '2020-01-01',
  status: 'active',
  deregisteredOn: null,
  riskClass: 'D',
  riskGradedOn: '2026-10-01',
  riskSource: '企业信用风险分类管理系统',
  licences: [
    { licenceNo: 'JY1', matterCode: 'SPJ-SPJY-001', status: 'valid' },
    { licenceNo: 'JY0', matterCode: 'SPJ-SPJY-001', status: 'revoked' },
  ],
  ...change,
});

describe('an enterprise as the public sees it', () => {
  it("masks an individual business's operator, and never shows the risk class", () => {
    const shown = publicTarget(target({ uscc: '92130871MA0CXQ1234', kind: 'individual' }));
    expect(shown.operator).toBe('张**');
    expect(JSON.stringify(shown)).not.toContain('riskClass');
  });

  it("shows a company's legal representative (public in the register) and only its valid licences", () => {
    const shown = publicTarget(target({}));
    expect(shown.operator).toBe('张三丰');
    expect(shown.licences).toEqual([{ matterCode: 'SPJ-SPJY-001', licenceNo: 'JY1' }]);
  });
});
