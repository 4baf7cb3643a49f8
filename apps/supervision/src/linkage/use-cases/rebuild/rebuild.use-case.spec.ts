import { createEvent, PushClaimRefusedV1, PushClaimedV1, PushReturnedV1 } from '@hub/contracts';
import { deadlineNotice } from '@hub/workdays';
import { heldClaim } from '../../push-rows';
import { cst, pushOf, supervisionFixture, USCC } from '../../testing/supervision-fixture';
import { ReceivePushes } from '../receive-pushes/receive-pushes.use-case';
import { NOTICE_TYPES } from '../send-due-notices/send-due-notices.use-case';
import { OwnEvent, Rebuild } from './rebuild.use-case';

describe('Rebuild', () => {
  const source = { source: '/apps/supervision' };
  const act = { uscc: USCC, department: 'SCJG', actor: 'officer-7' };
  const setup = () => {
    const f = supervisionFixture(cst('2026-11-23T09:30:00'));
    const push = new ReceivePushes(f.repository, f.outbox, f.clock, f.calendar);
    return { f, push, rebuild: new Rebuild(f.repository, f.calendar) };
  };

  it('restores a claim read back before its push; the push then starts its supervision limit', async () => {
    const { f, push, rebuild } = setup();
    const claimedAt = cst('2026-11-20T11:00:00');
    const claimed = createEvent(
      PushClaimedV1,
      { ...act, approvalId: 'SP-1', at: claimedAt.toISOString(), channel: 'desk' },
      source,
    );
    await rebuild.apply(f.manager, [claimed]);
    expect(f.pushes.row('SP-1', 'SCJG')).toMatchObject({
      state: 'claimed',
      claimedAt,
      pushId: null,
      nextNoticeAt: null,
    });
    await push.receive(f.manager, [pushOf('SP-1', 'SCJG', cst('2026-11-20T10:00:00'))]);
    expect(f.pushes.row('SP-1', 'SCJG')).toMatchObject({
      state: 'claimed',
      noticeLimit: 'supervision',
      supervisionDueDate: '2026-12-18',
    });
  });

  it('a claim read back answers the claim held for its push: nothing is held any more', async () => {
    const { f, rebuild } = setup();
    const claim = { approvalId: 'SP-4', department: 'SCJG', uscc: USCC, actor: 'o', channel: 'system' as const };
    await f.pushes.insert(
      f.manager,
      heldClaim(claim, cst('2026-11-20T10:00:00'), 'held-4', cst('2026-12-04T10:00:00')),
    );
    const at = cst('2026-11-20T10:00:00').toISOString();
    await rebuild.apply(f.manager, [
      createEvent(PushClaimedV1, { ...act, approvalId: 'SP-4', at, channel: 'system' }, { ...source, id: 'held-4' }),
    ]);
    expect(f.pushes.row('SP-4', 'SCJG')).toMatchObject({ state: 'claimed', heldClaimId: null, heldUntil: null });
  });

  it('restores a return, and forgets only the held claim a refusal answers', async () => {
    const { f, rebuild } = setup();
    const at = cst('2026-11-21T10:00:00').toISOString();
    const claim = { approvalId: 'SP-2', department: 'SCJG', uscc: USCC, actor: 'o', channel: 'system' as const };
    await f.pushes.insert(
      f.manager,
      heldClaim(claim, cst('2026-11-20T10:00:00'), 'held-2', cst('2026-12-04T10:00:00')),
    );
    await rebuild.apply(f.manager, [
      createEvent(PushReturnedV1, { ...act, approvalId: 'SP-1', pushId: 'p-1', at, reason: '不属本部门' }, source),
      createEvent(PushClaimRefusedV1, { ...act, approvalId: 'SP-2', at, reason: 'x' }, { ...source, id: 'other' }),
    ]);
    expect(f.pushes.row('SP-1', 'SCJG')).toMatchObject({ state: 'returned', returnedAt: new Date(at) });
    expect(f.pushes.row('SP-2', 'SCJG')?.state).toBe('held');
    await rebuild.apply(f.manager, [
      createEvent(PushClaimRefusedV1, { ...act, approvalId: 'SP-2', at, reason: 'x' }, { ...source, id: 'held-2' }),
    ]);
    expect(f.pushes.row('SP-2', 'SCJG')).toBeUndefined();
  });

  it('moves the notices of a limit forward only', async () => {
    const { f, push, rebuild } = setup();
    await push.receive(f.manager, [pushOf('SP-3', 'SCJG', cst('2026-11-20T10:00:00'))]);
    const row = f.pushes.row('SP-3', 'SCJG')!;
    const subject = {
      ...row,
      limit: 'claim' as const,
      due: { dueDate: row.claimDueDate!, dueAt: row.claimDueAt!, provisional: false },
    };
    const notice = (stage: 'reminded' | 'overdue') =>
      deadlineNotice(NOTICE_TYPES, stage, subject, [], { ...source, now: f.clock.now() }) as OwnEvent;
    await rebuild.apply(f.manager, [notice('overdue')]);
    expect(f.pushes.row('SP-3', 'SCJG')).toMatchObject({
      noticeStage: 'overdue',
      nextNoticeAt: cst('2026-11-26T00:00:00'),
    });
    await rebuild.apply(f.manager, [notice('reminded')]);
    expect(f.pushes.row('SP-3', 'SCJG')?.noticeStage).toBe('overdue');
  });
});
