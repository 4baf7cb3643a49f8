import { cst, pushOf, supervisionFixture } from '../../testing/supervision-fixture';
import { ClaimPush } from '../claim-push/claim-push.use-case';
import { ReceivePushes } from '../receive-pushes/receive-pushes.use-case';
import { SupervisePush } from './supervise-push.use-case';

describe('SupervisePush', () => {
  const now = cst('2026-11-25T15:00:00');
  const setup = async (claimed = true) => {
    const f = supervisionFixture(now);
    await new ReceivePushes(f.repository, f.outbox, f.clock, f.calendar).receive(f.manager, [
      pushOf('SP-1', 'SCJG', cst('2026-11-20T10:00:00')),
    ]);
    if (claimed)
      await new ClaimPush(f.dataSource, f.repository, f.outbox, f.clock, f.calendar, f.env).claim('SCJG', {
        approvalId: 'SP-1',
        actor: 'officer-7',
      });
    f.sent.length = 0;
    return { f, supervise: new SupervisePush(f.dataSource, f.repository, f.outbox, f.clock) };
  };
  const inspection = { approvalId: 'SP-1', actor: 'officer-7', action: 'on-site-check' as const };
  const typesOf = (f: ReturnType<typeof supervisionFixture>) => f.events().map((e) => e.type.split('.')[3]);

  it('asks the 审批局 to revoke the licence when the commitment was false, fed back as bearing on approval and credit', async () => {
    const { f, supervise } = await setup();
    const action = await supervise.supervise('SCJG', {
      ...inspection,
      result: 'commitment-false',
      findings: '场所与承诺不符',
    });
    expect(typesOf(f)).toEqual(['supervised', 'fed-back', 'revocation-requested']);
    const [supervised, fedBack, request] = f.events();
    expect(fedBack).toMatchObject({ causationid: supervised.id, data: { affects: ['approval', 'credit'] } });
    expect(request).toMatchObject({
      causationid: supervised.id,
      data: { licenceNo: 'JY11308000000001', reason: '场所与承诺不符', actionId: action.actionId },
    });
    expect(action.revocationRequestId).toBe((request.data as { requestId: string }).requestId);
    expect(f.pushes.row('SP-1', 'SCJG')).toMatchObject({
      state: 'supervised',
      lastResult: 'commitment-false',
      nextNoticeAt: null,
    });
  });

  it('asks for no revocation when the enterprise complies', async () => {
    const { f, supervise } = await setup();
    await supervise.supervise('SCJG', { ...inspection, result: 'compliant', findings: '符合承诺' });
    expect(typesOf(f)).toEqual(['supervised', 'fed-back']);
    expect(f.events()[1]).toMatchObject({ data: { affects: [] } });
  });

  it('supervises only what the department claimed', async () => {
    const { f, supervise } = await setup(false);
    await expect(
      supervise.supervise('SCJG', { ...inspection, result: 'compliant', findings: '符合' }),
    ).rejects.toMatchObject({
      problemType: 'conflict',
    });
    expect(f.events()).toEqual([]);
  });
});
