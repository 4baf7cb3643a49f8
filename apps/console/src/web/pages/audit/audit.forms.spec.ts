import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { AuditPageQuery, beijingInstant } from './audit.forms';

describe('the audit page query', () => {
  it('takes empty filters as none, and names a malformed one', () => {
    const empty = plainToInstance(AuditPageQuery, { person: '', since: '', until: '' });
    expect(validateSync(empty)).toEqual([]);
    expect(empty.since).toBeUndefined();
    const bad = validateSync(plainToInstance(AuditPageQuery, { since: '2026-12-04 09:00' }));
    expect(bad.map((e) => e.property)).toEqual(['since']);
  });

  it('reads a minute of the form as Beijing time', () => {
    expect(beijingInstant('2026-12-04T09:00')).toBe('2026-12-04T01:00:00.000Z');
    expect(beijingInstant(undefined)).toBeUndefined();
  });
});
