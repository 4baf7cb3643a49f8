import { paginate } from '../../format';
import { renderPage } from '../../layout';
import type { WebSession } from '../../person';
import { LedgerPage, LedgerPageProps, LedgerRow } from './ledger.page';

const session = (roles: string[], department = 'SCJG'): WebSession => ({
  token: 't',
  csrf: 'csrf-of-the-session',
  expiresAt: '2025-10-10T12:00:00Z',
  person: { id: 'p1', username: 'scjg-1', displayName: '张三', department, roles },
});

const row = (approvalId: string, extra: Partial<LedgerRow> = {}): LedgerRow => ({
  approvalId,
  uscc: '91130800MA0000001X',
  matterCode: 'SPJ-SPJY-001',
  matterName: '食品经营许可',
  state: 'pushed',
  pushedAt: '2025-10-09T16:30:00Z',
  claimDueDate: '2025-10-13',
  claimedAt: null,
  claimedBy: null,
  supervisionDueDate: null,
  ...extra,
});

function render(props: Partial<LedgerPageProps> & { session: WebSession }): string {
  return renderPage(
    LedgerPage({
      department: 'SCJG',
      choices: [],
      query: {},
      acts: false,
      sections: {
        unclaimed: paginate([row('SP-1')], 1),
        overdue: paginate([], 1),
        claimedNotSupervised: paginate([row('SP-2', { state: 'claimed', claimedAt: '2025-10-10T01:00:00Z' })], 1),
      },
      ...props,
    }),
  );
}

describe('the ledger page', () => {
  it('escapes what the apps send: a matter name cannot become markup', () => {
    const html = render({
      session: session(['viewer']),
      sections: {
        unclaimed: paginate([row('SP-1', { matterName: '<script>alert(1)</script>"&' })], 1),
        overdue: paginate([], 1),
        claimedNotSupervised: paginate([], 1),
      },
    });
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).toContain('&lt;script>alert(1)&lt;/script>&quot;&amp;');
  });

  it('gives a supervisor who acts here the claim, return and supervise forms, each with the session’s CSRF token', () => {
    const html = render({ session: session(['supervisor']), acts: true });
    expect(html).toContain('action="/ledger/claims"');
    expect(html).toContain('action="/ledger/returns"');
    expect(html).toContain('action="/ledger/supervisions"');
    expect(html.match(/name="csrf" value="csrf-of-the-session"/g)).toHaveLength(4); // three forms and logout
  });

  it('gives a viewer no form but logout', () => {
    const html = render({ session: session(['viewer']) });
    expect(html).not.toContain('/ledger/claims');
    expect(html).not.toContain('/ledger/supervisions');
    expect(html.match(/<form method="post"/g)).toHaveLength(1);
  });

  it('shows times in Beijing time and says what is empty', () => {
    const html = render({ session: session(['viewer']) });
    expect(html).toContain('2025-10-10 00:30');
    expect(html).toContain('暂无逾期事项');
  });

  it('links to the next page with the filter kept', () => {
    const many = Array.from({ length: 25 }, (_, i) => row(`SP-${i}`));
    const html = render({
      session: session(['viewer']),
      query: { q: 'SP' },
      sections: {
        unclaimed: paginate(many, 1),
        overdue: paginate([], 1),
        claimedNotSupervised: paginate([], 1),
      },
    });
    expect(html).toContain('href="/ledger?q=SP&amp;unclaimedPage=2"');
    expect(html).toContain('第 1/2 页，共 25 项');
  });
});
