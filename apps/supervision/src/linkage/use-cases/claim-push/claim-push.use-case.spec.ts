import { ProblemException } from '@hub/platform';
import { cst, pushOf, supervisionFixture, USCC } from '../../testing/supervision-fixture';
import { ReceivePushes } from '../receive-pushes/receive-pushes.use-case';
import { ClaimPush } from './claim-push.use-case';

describe('ClaimPush', () => {
  const now = cst('2026-11-23T09:30:00');
  const setup = async () => {
    const f = supervisionFixture(now);
    await new ReceivePushes(f.repository, f.outbox, f.clock, f.calendar).receive(f.manager, [
      pushOf('SP-1', 'SCJG', cst('2026-11-20T10:00:00')),
    ]);
    return { f, claims: new ClaimPush(f.dataSource, f.repository, f.outbox, f.clock, f.calendar, f.env) };
  };

  it('claims a push: push.claimed, and the supervision limit runs from the claim', async () => {
    const { f, claims } = await setup();
    const { status, push } = await claims.claim('SCJG', { approvalId: 'SP-1', actor: 'officer-7' });
    expect(status).toBe(200);
    expect(push).toMatchObject({
      state: 'claimed',
      claimedAt: now,
      claimedBy: 'officer-7',
      noticeLimit: 'supervision',
    });
    // 20 working days from Monday 11/23, not from the push.
    expect(push.supervisionDueDate).toBe('2026-12-21');
    expect(f.events().map((e) => e.type)).toEqual([expect.stringMatching(/\.push\.claimed\.v1$/)]);
  });

  it('claims before the push: held until the push arrives or the hold ends (202)', async () => {
    const { f, claims } = await setup();
    const { status, push } = await claims.claim('SCJG', { approvalId: 'SP-9', actor: 'officer-7', uscc: USCC });
    expect(status).toBe(202);
    expect(push).toMatchObject({
      state: 'held',
      heldAt: now,
      heldUntil: new Date(now.getTime() + f.env.CLAIM_HOLD_MS),
    });
    expect(f.events()).toEqual([]);
  });

  it('needs the uscc to claim before the push', async () => {
    const { claims } = await setup();
    const [outcome] = await claims.claimAll('SCJG', [{ approvalId: 'SP-9', actor: 'officer-7' }]);
    expect(outcome).toMatchObject({ status: 409, type: 'push-not-received', errors: [{ field: 'uscc' }] });
  });

  it('answers each claim of a batch: claimed, claimed already, the approving department refused', async () => {
    const { f, claims } = await setup();
    const again = await claims.claimAll('SCJG', [
      { approvalId: 'SP-1', actor: 'officer-7' },
      { approvalId: 'SP-1', actor: 'officer-8' },
    ]);
    expect(again.map((o) => [o.status, 'claimed' in o && o.claimed])).toEqual([
      [200, true],
      [200, false],
    ]);
    const [spj] = await claims.claimAll('SPJ', [{ approvalId: 'SP-1', actor: 'x', uscc: USCC }]);
    expect(spj).toMatchObject({ status: 403, detail: expect.stringMatching(/审管分离/) });
    expect(f.events()).toHaveLength(1);
  });

  it('refuses to claim a push the department returned', async () => {
    const { f, claims } = await setup();
    await f.pushes.update(f.manager, 'SP-1', 'SCJG', { state: 'returned' });
    await expect(claims.claim('SCJG', { approvalId: 'SP-1', actor: 'officer-7' })).rejects.toThrow(ProblemException);
  });
});
