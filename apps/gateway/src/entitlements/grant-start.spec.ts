import { acceptedAfterGrant, replayStart } from './grant-start';

describe('what a newly entitled department receives', () => {
  const granted = new Date('2026-03-02T09:00:00.250Z');

  it('only events the hub accepted after the grant', () => {
    expect(acceptedAfterGrant(new Date('2026-02-23T09:00:00.000Z'), granted)).toBe(false);
    expect(acceptedAfterGrant(new Date('2026-03-02T09:00:00.249Z'), granted)).toBe(false);
    // The grant's own millisecond may hold events accepted before it.
    expect(acceptedAfterGrant(new Date('2026-03-02T09:00:00.250Z'), granted)).toBe(false);
    expect(acceptedAfterGrant(new Date('2026-03-02T09:00:00.251Z'), granted)).toBe(true);
  });

  it('replays from the grant when asked from before it, from when asked after it', () => {
    expect(replayStart(new Date('2026-02-23T09:00:00.000Z'), granted)).toEqual(granted);
    const later = new Date('2026-03-03T00:00:00.000Z');
    expect(replayStart(later, granted)).toEqual(later);
  });
});
