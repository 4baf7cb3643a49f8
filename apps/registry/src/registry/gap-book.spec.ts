import { GapOpenedV1 } from '@hub/contracts';
import { openingOf, type GapFacts } from './gap-book';
import type { GapRow } from './registry-rows';

const NOW = new Date('2026-12-04T02:00:00Z');
const facts: GapFacts = {
  kind: 'licence-invalid',
  subject: '1.2.156.3005.2.X',
  uscc: '91130871MA0CXQ123U',
  department: 'SPJ',
  check: 'digest',
  since: new Date('2026-12-01T00:00:00Z'),
  detail: 'digest: differs',
};

describe('opening a gap', () => {
  const open = openingOf(undefined, facts, NOW).open!;

  it('opens a new gap with its event, id <kind>:<subject>', () => {
    const { open: row, event } = openingOf(undefined, facts, NOW);
    expect(row).toMatchObject({ gapId: 'licence-invalid:1.2.156.3005.2.X', closedAt: null, openedAt: NOW });
    expect(event).toMatchObject({ type: GapOpenedV1.type, subject: row!.gapId, data: { check: 'digest' } });
  });

  it('does nothing for a gap open already as it is', () => {
    expect(openingOf(open, facts, NOW)).toEqual({});
  });

  it('keeps an open gap’s since, with a new event only when another check fails', () => {
    const later = new Date(NOW.getTime() + 1000);
    const other = openingOf(open, { ...facts, check: 'signature', detail: 'signature: no', since: later }, later);
    expect(other.open).toMatchObject({ since: facts.since, check: 'signature' });
    expect(other.event?.data).toMatchObject({ check: 'signature' });
    const reworded = openingOf(open, { ...facts, detail: 'digest: still differs' }, later);
    expect(reworded.open?.detail).toBe('digest: still differs');
    expect(reworded.event).toBeUndefined();
  });

  it('reopens a closed gap, with its event, since the new cause', () => {
    const closed: GapRow = { ...open, closedAt: NOW, resolution: 'fixed' };
    const since = new Date(NOW.getTime() + 5000);
    const reopened = openingOf(closed, { ...facts, since }, since);
    expect(reopened.open).toMatchObject({ closedAt: null, resolution: null, since });
    expect(reopened.event?.type).toBe(GapOpenedV1.type);
  });
});
