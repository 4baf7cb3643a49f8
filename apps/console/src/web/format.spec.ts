import { formatDate, formatDateTime, matchesFilter, paginate, withQuery } from './format';

describe('formatDateTime', () => {
  it('shows an instant in Beijing time, whatever zone it was written in', () => {
    expect(formatDateTime('2025-09-30T16:30:00Z')).toBe('2025-10-01 00:30');
    expect(formatDateTime('2025-10-10T17:30:00+08:00')).toBe('2025-10-10 17:30');
    expect(formatDateTime(new Date('2025-12-31T23:59:00-05:00'))).toBe('2026-01-01 12:59');
  });

  it('shows a dash for nothing, and for what is not a date', () => {
    expect(formatDateTime(null)).toBe('—');
    expect(formatDateTime(undefined)).toBe('—');
    expect(formatDateTime('not a date')).toBe('—');
  });

  it('keeps a calendar date as the apps send it and takes an instant’s Beijing day', () => {
    expect(formatDate('2025-10-10')).toBe('2025-10-10');
    expect(formatDate('2025-10-09T17:00:00Z')).toBe('2025-10-10');
    expect(formatDate(null)).toBe('—');
  });
});

describe('paginate', () => {
  const items = Array.from({ length: 45 }, (_, i) => i + 1);

  it('cuts a list into pages of the size asked', () => {
    expect(paginate(items, 1, 20)).toEqual({ items: items.slice(0, 20), page: 1, pageCount: 3, total: 45 });
    expect(paginate(items, 3, 20)).toEqual({ items: [41, 42, 43, 44, 45], page: 3, pageCount: 3, total: 45 });
  });

  it('shows the last page for a page past the end, and the first for one before it', () => {
    expect(paginate(items, 9, 20).page).toBe(3);
    expect(paginate(items, 0, 20).page).toBe(1);
  });

  it('has one empty page for an empty list', () => {
    expect(paginate([], 1)).toEqual({ items: [], page: 1, pageCount: 1, total: 0 });
  });
});

describe('withQuery', () => {
  it('changes one parameter and keeps the others, leaving out the empty ones', () => {
    expect(withQuery('/ledger', { q: '食品', unclaimedPage: '2', department: undefined }, { unclaimedPage: '3' })).toBe(
      '/ledger?q=%E9%A3%9F%E5%93%81&unclaimedPage=3',
    );
    expect(withQuery('/ledger', { q: '' }, {})).toBe('/ledger');
    expect(withQuery('/ledger', {}, { approvalId: 'a&b=c' })).toBe('/ledger?approvalId=a%26b%3Dc');
  });
});

describe('matchesFilter', () => {
  it('matches any field, ignoring case and surrounding spaces; an empty filter matches everything', () => {
    expect(matchesFilter(' sp-1 ', 'SP-100', null)).toBe(true);
    expect(matchesFilter('食品', 'SP-100', '食品经营许可')).toBe(true);
    expect(matchesFilter('药品', 'SP-100', '食品经营许可', undefined)).toBe(false);
    expect(matchesFilter(undefined, 'x')).toBe(true);
    expect(matchesFilter('', 'x')).toBe(true);
  });
});
