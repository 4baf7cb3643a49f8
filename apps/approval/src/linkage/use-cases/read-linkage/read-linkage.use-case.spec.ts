import { createEvent, PushClaimedV1 } from '@hub/contracts';
import { approvalFixture, cst, grant, matter } from '../../testing/approval-fixture';
import { Assign } from '../assign/assign.use-case';
import { SendDueNotices } from '../send-due-notices/send-due-notices.use-case';
import { ReceiveDecision } from '../receive-decision/receive-decision.use-case';
import { RecordFeedback } from '../record-feedback/record-feedback.use-case';
import { ReadLinkage } from './read-linkage.use-case';

describe('ReadLinkage', () => {
  const setup = async () => {
    const f = approvalFixture(cst('2026-06-03T10:00:00'));
    f.tables.matters.push(matter(1, '2026-01-01'));
    await new ReceiveDecision(f.linkage, f.catalogue, f.outbox, f.calendar).receive(
      f.manager,
      [
        grant('SP-1', cst('2026-06-01T08:00:00')),
        grant('SP-2', cst('2026-06-01T08:00:00'), { matterCode: 'SPJ-XX-1' }),
      ],
      [cst('2026-06-01T08:00:01'), cst('2026-06-01T08:00:01')],
    );
    const push = f.tables.pushes[0];
    const at = cst('2026-06-01T09:00:00').toISOString();
    const claimed = createEvent(PushClaimedV1, { ...push, actor: 'officer-7', at, channel: 'desk' }, { source: '/s' });
    await new RecordFeedback(f.linkage).record(f.manager, [claimed]);
    return { f, read: new ReadLinkage(f.dataSource, f.linkage, f.clock) };
  };

  it('shows the officer who acted to the own department only (可用不可见), and the progress of each push', async () => {
    const { read } = await setup();
    const own = await read.timeline('SP-1', 'SCJG');
    expect(own.timeline.map((t) => [t.kind, t.actor])).toEqual([
      ['received', 'SPJ'],
      ['pushed', 'approval'],
      ['claimed', 'officer-7'],
    ]);
    expect(own.pushes).toEqual([expect.objectContaining({ department: 'SCJG', progress: 'claimed' })]);
    const other = await read.timeline('SP-1', 'WJJ');
    expect(other.timeline[2].actor).not.toBe('officer-7');
  });

  it('refuses an approval id that is not one, and one it does not know', async () => {
    const { read } = await setup();
    await expect(read.timeline('no such id!', 'SCJG')).rejects.toMatchObject({ errors: [{ field: 'approvalId' }] });
    await expect(read.timeline('SP-9', 'SCJG')).rejects.toMatchObject({ problemType: 'not-found' });
  });

  it('lists the unassigned approvals for the coordinator, overdue as of the instant asked', async () => {
    const { read } = await setup();
    const queue = await read.coordinationQueue(cst('2026-06-04T00:00:00').toISOString());
    expect(queue.unassigned).toEqual([
      expect.objectContaining({ approvalId: 'SP-2', pushDueDate: '2026-06-03', overdue: true }),
    ]);
    expect((await read.coordinationQueue(cst('2026-06-03T23:59:00').toISOString())).unassigned[0].overdue).toBe(false);
  });

  it('judges unassigned waits overdue across a holiday and a make-up working day, and keeps their timeline in time order', async () => {
    const f = approvalFixture(cst('2026-06-03T10:00:00'));
    const decisions = new ReceiveDecision(f.linkage, f.catalogue, f.outbox, f.calendar);
    await decisions.receive(
      f.manager,
      [
        // 2025-09-30 (Tue) + 2 working days: 国庆+中秋 runs 10/1-10/8, so due at the end of Fri 10/10.
        grant('SP-HOL', cst('2025-09-30T10:00:00'), { matterCode: 'SPJ-XX-1' }),
        // 2025-09-26 (Fri) + 2: Sunday 9/28 is a make-up working day, so due at the end of Mon 9/29.
        grant('SP-MKP', cst('2025-09-26T10:00:00'), { matterCode: 'SPJ-XX-1' }),
      ],
      [f.clock.now(), f.clock.now()],
    );
    const read = new ReadLinkage(f.dataSource, f.linkage, f.clock);
    const overdueAt = async (local: string) =>
      Object.fromEntries(
        (await read.coordinationQueue(cst(local).toISOString())).unassigned.map((u) => [u.approvalId, u.overdue]),
      );
    expect(await overdueAt('2025-09-29T20:00:00')).toEqual({ 'SP-HOL': false, 'SP-MKP': false });
    expect(await overdueAt('2025-09-30T09:00:00')).toEqual({ 'SP-HOL': false, 'SP-MKP': true });
    expect(await overdueAt('2025-10-09T18:00:00')).toEqual({ 'SP-HOL': false, 'SP-MKP': true });
    expect(await overdueAt('2025-10-11T09:00:00')).toEqual({ 'SP-HOL': true, 'SP-MKP': true });

    // Long past both deadlines: announced as overdue, escalated, then assigned by the coordinator.
    await new SendDueNotices(f.dataSource, f.linkage, f.outbox, f.clock, f.calendar).send();
    await new Assign(f.dataSource, f.linkage, f.outbox, f.clock, f.calendar).assign('SP-HOL', 'RSJ', 'DZB');
    const t = await read.timeline('SP-HOL', 'ZFW');
    // Decided in 2025, overdue and escalated as of its deadline, reached the hub (and the queue) only in 2026.
    expect(t.timeline.map((e) => `${e.kind}${e.department ? `:${e.department}` : ''}`)).toEqual([
      'received',
      'overdue',
      'escalated',
      'unassigned',
      'pushed:RSJ',
    ]);
  });
});
