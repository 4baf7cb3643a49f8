import { heldClaim } from '../../push-rows';
import { cst, supervisionFixture, USCC } from '../../testing/supervision-fixture';
import { RefuseExpiredHolds } from './refuse-expired-holds.use-case';

describe('RefuseExpiredHolds', () => {
  it('refuses a claim held past its hold under the held claim id, and forgets it; a claim still held stays', async () => {
    const f = supervisionFixture(cst('2026-12-04T09:00:00'));
    const claim = (approvalId: string) => ({
      approvalId,
      department: 'SCJG',
      uscc: USCC,
      actor: 'o-1',
      channel: 'desk' as const,
    });
    const heldAt = cst('2026-11-20T09:00:00');
    await f.pushes.insert(f.manager, heldClaim(claim('SP-1'), heldAt, 'held-1', cst('2026-12-04T09:00:00')));
    await f.pushes.insert(f.manager, heldClaim(claim('SP-2'), heldAt, 'held-2', cst('2026-12-04T09:00:01')));
    expect(await new RefuseExpiredHolds(f.dataSource, f.repository, f.outbox, f.clock, f.env).refuse()).toBe(1);
    expect(f.events()).toEqual([
      expect.objectContaining({
        id: 'held-1',
        type: expect.stringMatching(/\.push\.claim-refused\.v1$/),
        data: expect.objectContaining({
          at: heldAt.toISOString(),
          reason: expect.stringMatching(/within the claim limit \(336 h\)/),
        }),
      }),
    ]);
    expect(f.pushes.row('SP-1', 'SCJG')).toBeUndefined();
    expect(f.pushes.row('SP-2', 'SCJG')?.state).toBe('held');
  });
});
