import { renderPage } from '../../layout';
import type { WebSession } from '../../person';
import { PlanDetail, PlanPage } from './inspection.page';

const session = (roles: string[], department = 'SCJG'): WebSession => ({
  token: 't',
  csrf: 'csrf-of-the-session',
  expiresAt: '2026-12-10T12:00:00Z',
  person: { id: 'p1', username: 'u', displayName: '张三', department, roles },
});
const plan = (change: Partial<PlanDetail> = {}): PlanDetail => ({
  id: 'P1',
  title: '联合抽查',
  kind: 'joint',
  leadDepartment: 'SCJG',
  state: 'draft',
  inspectionDate: '2026-12-15',
  departments: [{ code: 'SCJG' }, { code: 'YJJ' }],
  commitment: null,
  candidateDigest: null,
  exclusions: [{ uscc: '91130871MA0CXQ123U', name: '甲公司', reason: '本年度已被抽查 2 次，达到每年 2 次的上限' }],
  draws: [],
  completion: { tasks: 0, done: 0 },
  ...change,
});

describe('the plan page', () => {
  it('shows the lock form when asked to, with the CSRF token, and each exclusion with its reason', () => {
    const html = renderPage(
      PlanPage({ session: session(['supervisor']), plan: plan(), mayLock: true, mayDraw: false }),
    );
    expect(html).toContain('action="/inspection/plans/P1/lock"');
    expect(html).toContain('value="csrf-of-the-session"');
    expect(html).not.toContain('/draws"');
    expect(html).toContain('本年度已被抽查 2 次，达到每年 2 次的上限');
  });

  it('shows the draw form with a visible label for each field, and the commitment once locked', () => {
    const locked = plan({ state: 'locked', commitment: 'ab'.repeat(32), candidateDigest: 'cd'.repeat(32) });
    const html = renderPage(
      PlanPage({ session: session(['supervisor'], 'YJJ'), plan: locked, mayLock: false, mayDraw: true }),
    );
    expect(html).toContain('action="/inspection/plans/P1/draws"');
    expect(html).toMatch(/<label for="entropy">见证随机值<\/label>/);
    expect(html).toMatch(/<label for="witness">见证来源<\/label>/);
    expect(html).toContain('ab'.repeat(32));
  });

  it('shows a viewer no form at all, and says when nothing was excluded or drawn', () => {
    const html = renderPage(
      PlanPage({ session: session(['viewer']), plan: plan({ exclusions: [] }), mayLock: false, mayDraw: false }),
    );
    expect(html).not.toContain('<form method="post" action="/inspection');
    expect(html).toContain('没有企业被排除');
    expect(html).toContain('尚未摇号');
  });
});
