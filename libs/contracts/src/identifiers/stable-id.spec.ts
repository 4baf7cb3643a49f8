import { stableId } from './stable-id';

describe('stableId', () => {
  it('is the same id for the same parts, and another for other parts', () => {
    expect(stableId('push', 'SP-1', 'SCJG')).toBe(stableId('push', 'SP-1', 'SCJG'));
    expect(stableId('push', 'SP-1', 'SCJG')).not.toBe(stableId('push', 'SP-1', 'SCJGX'));
  });

  it('keeps the parts apart: ("ab", "c") is not ("a", "bc")', () => {
    expect(stableId('ab', 'c')).not.toBe(stableId('a', 'bc'));
  });

  it('is shaped as a UUID (version 5, RFC 4122 variant), as event ids are', () => {
    expect(stableId('notice', 'SP-1', 'push', 'reminded')).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });
});
