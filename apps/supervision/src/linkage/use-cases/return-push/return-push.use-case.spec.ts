import { cst, pushOf, supervisionFixture } from '../../testing/supervision-fixture';
import { ReceivePushes } from '../receive-pushes/receive-pushes.use-case';
import { ReturnPush, returnEffect } from './return-push.use-case';

describe('ReturnPush', () => {
  const now = cst('2026-11-23T09:30:00');
  const setup = async () => {
    const f = supervisionFixture(now);
    await new ReceivePushes(f.repository, f.outbox, f.clock, f.calendar).receive(f.manager, [
      pushOf('SP-1', 'SCJG', cst('2026-11-20T10:00:00')),
    ]);
    return { f, returns: new ReturnPush(f.dataSource, f.repository, f.outbox, f.clock) };
  };
  const dto = { approvalId: 'SP-1', actor: 'officer-7', reason: '不属本部门职责', suggestedDepartment: 'WJJ' };

  it('returns a push with its reason and suggestion for the coordinator; its notices stop', async () => {
    const { f, returns } = await setup();
    expect(await returns.returnPush('SCJG', dto)).toMatchObject({
      state: 'returned',
      returnedAt: now,
      nextNoticeAt: null,
    });
    expect(f.events()).toEqual([
      expect.objectContaining({
        type: expect.stringMatching(/\.push\.returned\.v1$/),
        data: expect.objectContaining({
          reason: '不属本部门职责',
          suggestedDepartment: 'WJJ',
          pushId: 'push-SP-1-SCJG',
        }),
      }),
    ]);
  });

  it('returns once: a second return changes nothing', async () => {
    const { f, returns } = await setup();
    await returns.returnPush('SCJG', dto);
    await returns.returnPush('SCJG', dto);
    expect(f.events()).toHaveLength(1);
  });

  it('does not return a supervised push, nor one never pushed to the department', async () => {
    const { f, returns } = await setup();
    await expect(returns.returnPush('WJJ', dto)).rejects.toMatchObject({ problemType: 'not-found' });
    await f.pushes.update(f.manager, 'SP-1', 'SCJG', { state: 'supervised' });
    await expect(returns.returnPush('SCJG', dto)).rejects.toMatchObject({ problemType: 'conflict' });
    expect(f.events()).toEqual([]);
  });

  it('leaves no claim held on a returned push (a replay may meet the claim request before the return)', () => {
    const effect = returnEffect({
      uscc: '91130871MA0CXQ123U',
      approvalId: 'A-1',
      pushId: 'P-1',
      department: 'SCJG',
      actor: 'SCJG-desk',
      at: '2026-12-01T02:00:00.000Z',
      reason: '不属本部门监管职责',
    });
    expect(effect).toMatchObject({ state: 'returned', heldClaimId: null, heldBy: null, heldAt: null, heldUntil: null });
  });
});
