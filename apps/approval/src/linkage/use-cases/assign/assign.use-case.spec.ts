import { approvalFixture, cst, grant, matter } from '../../testing/approval-fixture';
import { entry } from '../../timeline';
import { ReceiveDecision } from '../receive-decision/receive-decision.use-case';
import { Assign } from './assign.use-case';

describe('Assign', () => {
  const now = cst('2026-06-02T10:00:00');
  const setup = async () => {
    const f = approvalFixture(now);
    f.tables.matters.push(matter(1, '2026-01-01'));
    const decisions = new ReceiveDecision(f.linkage, f.catalogue, f.outbox, f.calendar);
    await decisions.receive(
      f.manager,
      [
        grant('SP-1', cst('2026-06-01T08:00:00')),
        grant('SP-2', cst('2026-06-01T08:00:00'), { matterCode: 'SPJ-XX-1' }),
      ],
      [cst('2026-06-01T08:00:01'), cst('2026-06-01T08:00:01')],
    );
    f.sent.length = 0;
    return { f, assign: new Assign(f.dataSource, f.linkage, f.outbox, f.clock, f.calendar) };
  };

  it('assigns an unassigned approval: pushed by the coordinator, and it waits no more', async () => {
    const { f, assign } = await setup();
    const push = await assign.assign('SP-2', 'WJJ', 'ZFW', '按属地原则');
    expect(push).toMatchObject({ department: 'WJJ', assignedBy: 'ZFW', replacesPushId: null, pushedAt: now });
    expect(f.tables.approvals.get('SP-2')).toMatchObject({ state: 'assigned', nextNoticeAt: null });
    expect(f.sent).toEqual([
      expect.objectContaining({ data: expect.objectContaining({ assignedBy: 'ZFW', note: '按属地原则' }) }),
    ]);
  });

  it('re-routes a returned push: the new push replaces it', async () => {
    const { f, assign } = await setup();
    const returned = f.tables.pushes.find((p) => p.approvalId === 'SP-1')!;
    const at = cst('2026-06-02T09:00:00');
    await f.linkage.addTimeline(f.manager, [
      entry('ret-1', returned, 'returned', at, 'SCJG', 'o', { reason: '不属本部门' }),
    ]);
    const push = await assign.assign('SP-1', 'WJJ', 'DZB');
    expect(push).toMatchObject({ department: 'WJJ', replacesPushId: returned.pushId });
  });

  it('pushes an approval to a department once, and re-routes only what is unassigned or returned', async () => {
    const { assign } = await setup();
    await expect(assign.assign('SP-1', 'SCJG', 'ZFW')).rejects.toMatchObject({
      problemType: 'conflict',
      errors: [{ field: 'department', rule: 'notPushedBefore' }],
    });
    await expect(assign.assign('SP-1', 'WJJ', 'ZFW')).rejects.toThrow(/neither unassigned nor returned/);
    await expect(assign.assign('SP-9', 'WJJ', 'ZFW')).rejects.toMatchObject({ problemType: 'not-found' });
  });
});
