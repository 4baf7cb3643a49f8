import { renderPage } from '../../layout';
import type { WebSession } from '../../person';
import { OperationsPage } from '../operations/operations.page';
import { EventLedgerPage } from './event-ledger.page';

const session = (roles: string[]): WebSession => ({
  token: 't',
  csrf: 'csrf',
  expiresAt: '2026-12-04T12:00:00Z',
  person: { id: 'p1', username: 'xxhzx-1', displayName: '李四', department: 'XXHZX', roles },
});

const status = {
  size: 30,
  keyId: '0123456789abcdef',
  lastCheckpoint: null,
  behind: 0,
  maxBehind: 10,
  tooFarBehind: false,
};

describe('EventLedgerPage', () => {
  it('names the entry a failed verification found, and says which kind of problem it is', () => {
    const html = renderPage(
      EventLedgerPage({
        session: session(['auditor']),
        status,
        query: {},
        verification: {
          ok: false,
          from: 1,
          to: 30,
          verifiedUpTo: 10,
          unpinned: 0,
          problems: [
            { kind: 'entry-changed', seq: 12, message: 'entry 12 (t/0@3): its contents do not match its hash' },
          ],
        },
      }),
    );
    expect(html).toContain('校验未通过');
    expect(html).toContain('条目被修改（第 12 条）');
    expect(html).toContain('entry 12 (t/0@3)');
    expect(html).not.toContain('verification-ok');
    expect(html).toContain('href="/event-ledger"');
  });

  it('shows a ledger too far behind', () => {
    const html = renderPage(
      EventLedgerPage({
        session: session(['operator']),
        status: { ...status, behind: 11, tooFarBehind: true },
        query: {},
      }),
    );
    expect(html).toContain('存证链落后超过 10 条');
  });
});

describe('OperationsPage', () => {
  it('marks each replica ready or not, refreshes itself, and shows lag per partition without the prefix', () => {
    const replica = {
      url: 'http://a:3000',
      checks: { database: true, consumer: false },
      uptimeSeconds: 90,
      outboxBacklog: 2,
      producedTotal: 1,
      consumedTotal: 2,
      failedTotal: 0,
      deadLetteredTotal: 0,
    };
    const html = renderPage(
      OperationsPage({
        session: session(['operator']),
        prefix: 'p.',
        overview: {
          at: '2026-12-04T05:00:00Z',
          replicas: [
            { ...replica, app: 'gateway', ready: false },
            { ...replica, app: 'approval', ready: true },
          ],
          groups: [
            {
              group: 'p.approval',
              lag: 5,
              partitions: [
                {
                  group: 'p.approval',
                  topic: 'p.zone.approval.licence.v1',
                  partition: 1,
                  logEnd: 9,
                  committed: 4,
                  lag: 5,
                },
              ],
            },
          ],
          trend: [],
          ledger: { size: 3, behind: 0, tooFarBehind: false },
          deadLetters: [],
        },
      }),
    );
    expect(html).toContain('<meta http-equiv="refresh" content="10"');
    expect(html).toMatch(/data-app="gateway" data-ready="false">.*未就绪/s);
    expect(html).toMatch(/data-app="approval" data-ready="true">.*就绪/s);
    expect(html).toContain('data-group="approval" data-topic="zone.approval.licence.v1" data-partition="1"');
    expect(html).toContain('1 分钟');
  });
});
