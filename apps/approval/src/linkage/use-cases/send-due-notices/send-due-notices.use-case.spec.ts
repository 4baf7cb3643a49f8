import { approvalFixture, cst, grant } from '../../testing/approval-fixture';
import { ReceiveDecision } from '../receive-decision/receive-decision.use-case';
import { SendDueNotices } from './send-due-notices.use-case';

describe('SendDueNotices (push limit of unassigned approvals)', () => {
  // Decided on the Tuesday before 国庆 2025, nobody listed for its matter: 2 working days to push ends with Friday
  // 10/10 after the holiday (10/1-10/8); the make-up Saturday 10/11 is a working day, so escalation comes at its end.
  const setup = async () => {
    const f = approvalFixture(cst('2025-09-30T10:00:01'));
    await new ReceiveDecision(f.linkage, f.catalogue, f.outbox, f.calendar).receive(
      f.manager,
      [grant('SP-1', cst('2025-09-30T10:00:00'), { matterCode: 'SPJ-XX-404' })],
      [f.clock.now()],
    );
    return { f, notices: new SendDueNotices(f.dataSource, f.linkage, f.outbox, f.clock, f.calendar) };
  };
  const at = async (f: Awaited<ReturnType<typeof setup>>['f'], notices: SendDueNotices, local: string) => {
    f.sent.length = 0;
    f.clock.setFixed(cst(local));
    await notices.send();
    return f.sent.map((e) => [e.type.split('.')[3], (e.data as { notify: unknown }).notify]);
  };

  it('reminds the coordinator on the last working day, adds the 审批局 head when overdue, escalates after the make-up day', async () => {
    const { f, notices } = await setup();
    expect(await at(f, notices, '2025-10-09T18:00:00')).toEqual([]);
    expect(await at(f, notices, '2025-10-10T08:00:00')).toEqual([
      ['push-reminded', [{ department: 'ZFW', role: 'coordinator' }]],
    ]);
    expect(await at(f, notices, '2025-10-11T09:00:00')).toEqual([
      [
        'push-overdue',
        [
          { department: 'ZFW', role: 'coordinator' },
          { department: 'SPJ', role: 'head' },
        ],
      ],
    ]);
    expect(await at(f, notices, '2025-10-11T23:00:00')).toEqual([]);
    expect(await at(f, notices, '2025-10-12T00:00:00')).toEqual([
      [
        'push-escalated',
        [
          { department: 'ZFW', role: 'coordinator' },
          { department: 'DZB', role: 'coordinator' },
        ],
      ],
    ]);
  });

  it('records each notice on the timeline as of when it fell due, however late the scheduler ran', async () => {
    const { f, notices } = await setup();
    await at(f, notices, '2025-10-13T15:00:00');
    const steps = f.tables.timeline.filter((t) => t.kind !== 'received' && t.kind !== 'unassigned');
    expect(steps.map((t) => [t.kind, t.at])).toEqual([
      ['overdue', cst('2025-10-11T00:00:00')],
      ['escalated', cst('2025-10-12T00:00:00')],
    ]);
    expect(f.tables.approvals.get('SP-1')).toMatchObject({ noticeStage: 'escalated', nextNoticeAt: null });
  });
});
