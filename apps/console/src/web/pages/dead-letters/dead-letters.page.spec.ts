import type { DeadLetterSummary } from '../../../dead-letters/dead-letter.view';
import { renderPage } from '../../layout';
import type { WebSession } from '../../person';
import { DeadLetterPage } from './dead-letter.page';
import { apiFilter } from './dead-letters.forms';
import { DeadLettersPage } from './dead-letters.page';

const session = (roles: string[]): WebSession => ({
  token: 't',
  csrf: 'csrf-token',
  expiresAt: '2026-12-04T12:00:00Z',
  person: { id: 'p1', username: 'xxhzx-1', displayName: '李四', department: 'XXHZX', roles },
});

const letter: DeadLetterSummary = {
  id: '42',
  dlqTopic: 'zone.approval.enterprise.v1.dlq',
  dlqPartition: 0,
  dlqOffset: '7',
  consumer: 'registry',
  originalTopic: 'zone.approval.enterprise.v1',
  originalPartition: 0,
  originalOffset: '3',
  reason: 'handler failed after 5 attempt(s): registry down',
  attempts: 5,
  key: null,
  headers: { ce_id: 'e-1', ce_type: 'cn.gov.chengde.approval.enterprise.registered.v1' },
  receivedAt: new Date('2026-12-04T02:00:00Z'),
  originalAt: null,
  incomplete: null,
  eventType: 'cn.gov.chengde.approval.enterprise.registered.v1',
  department: 'SPJ',
  status: 'open',
  resolvedAt: null,
  resolvedBy: null,
  note: null,
};

describe('DeadLettersPage', () => {
  const render = (roles: string[]) =>
    renderPage(
      DeadLettersPage({
        session: session(roles),
        filter: { reason: 'down' },
        letters: [letter],
        paged: false,
        acts: roles.includes('operator'),
      }),
    );

  it('gives operators the boxes and the replay forms, each with the session’s CSRF token', () => {
    const html = render(['operator']);
    expect(html).toContain('name="ids" value="42"');
    expect(html).toContain('action="/dead-letters/replay"');
    expect(html).toContain('action="/dead-letters/replay-matching"');
    expect(html).toContain('<input type="hidden" name="reason" value="down"/>');
    expect(html.match(/value="csrf-token"/g)?.length).toBeGreaterThanOrEqual(3);
  });

  it('shows auditors the same letters without a form that acts', () => {
    const html = render(['auditor']);
    expect(html).toContain('href="/dead-letters/42"');
    expect(html).not.toContain('method="post" action="/dead-letters');
    expect(html).not.toContain('name="ids"');
  });
});

describe('DeadLetterPage', () => {
  it('says the payload is hidden when the role may not see it, and offers no action to an auditor', () => {
    const html = renderPage(
      DeadLetterPage({
        session: session(['auditor']),
        letter: { ...letter, value: { encoding: 'hidden' } },
        history: [],
        acts: false,
      }),
    );
    expect(html).toContain('id="payload-hidden"');
    expect(html).not.toContain('/dead-letters/42/replay');
    expect(html).not.toContain('/dead-letters/42/discard');
  });
});

describe('apiFilter', () => {
  it('reads the page’s times as Beijing time', () => {
    expect(apiFilter({ from: '2026-12-04T09:30', department: 'SPJ' })).toMatchObject({
      from: '2026-12-04T09:30:00+08:00',
      to: undefined,
      department: 'SPJ',
    });
  });
});
