import { APPROVING_DEPARTMENT, claimConflict, claimDate, holdExpired, notSupervisedBy } from './claim.rules';

describe('claim rules', () => {
  const pushedAt = new Date('2026-11-20T02:00:02.000Z');
  const now = new Date('2026-11-21T01:30:00.000Z');

  describe('claimDate', () => {
    it('records a claim as of when the department says it claimed, between its push and now', () => {
      const said = new Date('2026-11-20T09:00:00.000Z');
      expect(claimDate(said, pushedAt, now)).toEqual(said);
    });

    it('never dates a claim before its push', () => {
      expect(claimDate(new Date('2026-11-19T00:00:00.000Z'), pushedAt, now)).toEqual(pushedAt);
    });

    it('never dates a claim after the app learnt of it', () => {
      expect(claimDate(new Date('2027-01-01T00:00:00.000Z'), pushedAt, now)).toEqual(now);
    });

    it('dates a claim held for a push that came later from the push', () => {
      const heldAt = new Date('2026-11-19T08:00:00.000Z');
      const later = new Date('2026-11-22T03:00:00.000Z');
      expect(claimDate(heldAt, later, new Date('2026-11-22T03:00:01.000Z'))).toEqual(later);
    });
  });

  describe('who may claim', () => {
    it('refuses the department that decides the approvals (审管分离)', () => {
      expect(APPROVING_DEPARTMENT).toBe('SPJ');
      expect(notSupervisedBy('SPJ', 'SP-1')).toMatch(/SPJ decides approvals and supervises none/);
    });

    it('lets a supervising department claim', () => {
      expect(notSupervisedBy('SCJG', 'SP-1')).toBeUndefined();
    });
  });

  describe('claimConflict', () => {
    it.each([
      ['returned', 'SCJG returned approval SP-1'],
      ['claimed', 'SCJG claimed approval SP-1 already'],
      ['supervised', 'SCJG claimed approval SP-1 already'],
    ] as const)('refuses a claim on a %s push', (state, reason) => {
      expect(claimConflict('SCJG', 'SP-1', { state })).toBe(reason);
    });

    it.each(['pushed', 'held'] as const)('has nothing against a claim on a %s row', (state) => {
      expect(claimConflict('SCJG', 'SP-1', { state })).toBeUndefined();
    });

    it('has nothing against a claim ahead of the push', () => {
      expect(claimConflict('SCJG', 'SP-1', null)).toBeUndefined();
    });
  });

  it('says why a held claim is refused, with the limit', () => {
    expect(holdExpired('SCJG', 'SP-1', 14 * 24 * 3_600_000)).toBe(
      'no push of approval SP-1 to SCJG arrived within the claim limit (336 h): claim it again once it is pushed',
    );
    expect(holdExpired('SCJG', 'SP-1', 5_000)).toMatch(/\(5 s\)/);
  });
});
