import type { GapRow } from '../../registry-rows';
import { gapsCsv } from './gaps-csv';
import { figuresOf, rate } from './read-measures.use-case';

describe('the measures', () => {
  it('turn a row of the aggregate into rates against the goal, none where nothing is owed', () => {
    const figures = figuresOf({
      licence_type: '11100000000013338W032',
      department: 'SPJ',
      month: '2026-12',
      granted: '4',
      aggregated: '3',
      lag_p50_ms: '1000',
      lag_p95_ms: '9000',
      lag_max_ms: '10000',
      missed_window: '2',
      records: '5',
      valid: '4',
      failed_digest: '1',
    });
    expect(figures).toMatchObject({
      coverage: { granted: 4, aggregated: 3, rate: 0.75 },
      lag: { p50Ms: 1000, p95Ms: 9000, maxMs: 10000, missedWindow: 2 },
      authenticity: { records: 5, valid: 4, rate: 0.8, failed: { digest: 1, signature: 0 } },
    });
    expect(figuresOf({ licence_type: '*', department: '*', month: '*' }).coverage.rate).toBeNull();
    expect(rate(0, 0)).toBeNull();
  });
});

describe('the gap list as CSV', () => {
  const gap: GapRow = {
    gapId: 'licence-missing:SP-1',
    kind: 'licence-missing',
    subject: 'SP-1',
    uscc: '91130871MA0CXQ123U',
    department: 'SPJ',
    licenceType: null,
    check: null,
    since: new Date('2026-12-01T00:00:00Z'),
    detail: '食品经营许可证 "L-1", 已许可',
    openedAt: new Date('2026-12-01T00:00:00Z'),
    closedAt: null,
    resolution: null,
  };

  it('is UTF-8 with a BOM, Chinese headings, quoted where needed, CRLF', () => {
    const csv = gapsCsv([gap]);
    expect(
      csv.startsWith(
        '\uFEFF缺口编号,类型,对象,统一社会信用代码,部门,证照类型,未通过的核验,起始时间,说明,关闭时间,关闭原因\r\n',
      ),
    ).toBe(true);
    expect(csv.split('\r\n')[1]).toBe(
      'licence-missing:SP-1,licence-missing,SP-1,91130871MA0CXQ123U,SPJ,,,2026-12-01T00:00:00.000Z,"食品经营许可证 ""L-1"", 已许可",,',
    );
  });

  it('keeps a cell from being read as a formula', () => {
    expect(gapsCsv([{ ...gap, detail: '=HYPERLINK("x")' }]).split('\r\n')[1]).toContain(`"'=HYPERLINK(""x"")"`);
  });
});
