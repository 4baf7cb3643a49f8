import { cst, pushOf, supervisionFixture, USCC } from '../../testing/supervision-fixture';
import { heldClaim } from '../../push-rows';
import { ReceivePushes } from './receive-pushes.use-case';

describe('ReceivePushes', () => {
  const pushedAt = cst('2026-11-20T10:00:02');
  const setup = () => {
    const f = supervisionFixture(cst('2026-11-20T10:00:05'));
    return { f, receive: new ReceivePushes(f.repository, f.outbox, f.clock, f.calendar) };
  };

  it('starts the claim limit of a new push: reminded on the morning of its last working day', async () => {
    const { f, receive } = setup();
    await receive.receive(f.manager, [pushOf('SP-1', 'SCJG', pushedAt)]);
    expect(f.pushes.row('SP-1', 'SCJG')).toMatchObject({
      state: 'pushed',
      claimDueDate: '2026-11-24',
      noticeLimit: 'claim',
      noticeStage: 'none',
      nextNoticeAt: cst('2026-11-24T00:00:00'),
    });
    expect(f.events()).toEqual([]);
  });

  it('answers a claim held for the push: claimed as of the push, under the held claim id, supervision limit started', async () => {
    const { f, receive } = setup();
    const claim = { approvalId: 'SP-2', department: 'SCJG', uscc: USCC, actor: 'officer-7', channel: 'desk' as const };
    await f.pushes.insert(
      f.manager,
      heldClaim(claim, cst('2026-11-19T08:00:00'), 'held-1', cst('2026-12-03T08:00:00')),
    );
    await receive.receive(f.manager, [pushOf('SP-2', 'SCJG', pushedAt)]);
    expect(f.events()).toEqual([
      expect.objectContaining({
        id: 'held-1',
        type: expect.stringMatching(/\.push\.claimed\.v1$/),
        data: expect.objectContaining({ actor: 'officer-7', channel: 'desk', at: pushedAt.toISOString() }),
      }),
    ]);
    expect(f.pushes.row('SP-2', 'SCJG')).toMatchObject({
      state: 'claimed',
      claimedAt: pushedAt,
      heldClaimId: null,
      noticeLimit: 'supervision',
      // 20 working days from Friday 11/20.
      supervisionDueDate: '2026-12-18',
    });
  });

  it('changes nothing for a push received already', async () => {
    const { f, receive } = setup();
    await receive.receive(f.manager, [pushOf('SP-3', 'SCJG', pushedAt)]);
    await f.pushes.update(f.manager, 'SP-3', 'SCJG', { state: 'returned' });
    await receive.receive(f.manager, [pushOf('SP-3', 'SCJG', pushedAt), pushOf('SP-3', 'SCJG', pushedAt)]);
    expect(f.pushes.row('SP-3', 'SCJG')?.state).toBe('returned');
  });
});
