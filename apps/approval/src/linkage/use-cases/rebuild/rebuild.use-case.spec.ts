import { approvalFixture, cst, grant, matter } from '../../testing/approval-fixture';
import { Assign } from '../assign/assign.use-case';
import { ReceiveDecision } from '../receive-decision/receive-decision.use-case';
import { SendDueNotices } from '../send-due-notices/send-due-notices.use-case';
import { Rebuild } from './rebuild.use-case';

describe('Rebuild', () => {
  const decidedAt = cst('2025-09-30T10:00:00');
  /** An unassigned approval, its notices up to overdue and the coordinator's assignment, as first made. */
  const firstTime = async () => {
    const f = approvalFixture(cst('2025-09-30T10:00:01'));
    f.tables.matters.push(matter(1, '2025-01-01', { departments: [] }));
    await new ReceiveDecision(f.linkage, f.catalogue, f.outbox, f.calendar).receive(
      f.manager,
      [grant('SP-1', decidedAt)],
      [f.clock.now()],
    );
    f.clock.setFixed(cst('2025-10-11T09:00:00'));
    await new SendDueNotices(f.dataSource, f.linkage, f.outbox, f.clock, f.calendar).send();
    await new Assign(f.dataSource, f.linkage, f.outbox, f.clock, f.calendar).assign('SP-1', 'SCJG', 'ZFW');
    return f;
  };

  it("restores the coordinator's assignment and the notices from the events, into empty tables", async () => {
    const first = await firstTime();
    const [, overdue, pushed] = first.sent;
    const f = approvalFixture(cst('2026-01-05T10:00:00'));
    f.tables.matters.push(matter(1, '2025-01-01', { departments: [] }));
    await new ReceiveDecision(f.linkage, f.catalogue, f.outbox, f.calendar).receive(
      f.manager,
      [grant('SP-1', decidedAt)],
      [cst('2025-09-30T10:00:01')],
    );
    const rebuild = new Rebuild(f.linkage, f.calendar);
    await rebuild.applyNotice(f.manager, overdue as never, 'overdue');
    expect(f.tables.approvals.get('SP-1')).toMatchObject({
      noticeStage: 'overdue',
      nextNoticeAt: cst('2025-10-12T00:00:00'),
    });
    await rebuild.applyPushes(f.manager, [pushed as never]);
    expect(f.tables.pushes).toEqual(first.tables.pushes);
    expect(f.tables.approvals.get('SP-1')).toMatchObject({ state: 'assigned', nextNoticeAt: null });
    await rebuild.applyPushes(f.manager, [pushed as never]);
    expect(f.tables.pushes).toHaveLength(1);
  });

  it('moves the notices forward only, and not once the approval is assigned', async () => {
    const first = await firstTime();
    const [, overdue] = first.sent;
    expect(overdue.type).toMatch(/push-overdue/);
    const f = approvalFixture(cst('2026-01-05T10:00:00'));
    await f.linkage.insertApprovals(f.manager, [
      { ...first.tables.approvals.get('SP-1')!, state: 'unassigned', noticeStage: 'escalated' },
    ]);
    await f.linkage.insertApprovals(f.manager, [
      { ...first.tables.approvals.get('SP-1')!, approvalId: 'SP-2', state: 'assigned', noticeStage: 'none' },
    ]);
    const rebuild = new Rebuild(f.linkage, f.calendar);
    await rebuild.applyNotice(f.manager, overdue as never, 'overdue');
    await rebuild.applyNotice(
      f.manager,
      { ...overdue, id: 'other', data: { ...overdue.data!, approvalId: 'SP-2' } } as never,
      'overdue',
    );
    expect(f.tables.approvals.get('SP-1')?.noticeStage).toBe('escalated');
    expect(f.tables.approvals.get('SP-2')?.noticeStage).toBe('none');
  });
});
