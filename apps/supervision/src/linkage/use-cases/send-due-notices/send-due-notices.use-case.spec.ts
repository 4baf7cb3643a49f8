import { cst, pushOf, supervisionFixture } from '../../testing/supervision-fixture';
import { ReceivePushes } from '../receive-pushes/receive-pushes.use-case';
import { SendDueNotices } from './send-due-notices.use-case';

describe('SendDueNotices', () => {
  // Pushed on the Tuesday before 国庆 2025 with 2 working days to claim: the holiday runs 10/1-10/8, so the limit
  // ends with Friday 10/10; Saturday 10/11 is a make-up working day, so escalation comes at its end.
  const setup = async () => {
    const f = supervisionFixture(cst('2025-09-30T10:00:05'));
    await new ReceivePushes(f.repository, f.outbox, f.clock, f.calendar).receive(f.manager, [
      pushOf('SP-1', 'SCJG', cst('2025-09-30T10:00:00')),
    ]);
    return { f, notices: new SendDueNotices(f.dataSource, f.repository, f.outbox, f.clock, f.calendar) };
  };
  const at = async (f: Awaited<ReturnType<typeof setup>>['f'], notices: SendDueNotices, local: string) => {
    f.sent.length = 0;
    f.clock.setFixed(cst(local));
    await notices.send();
    return f.events().map((e) => [e.type.split('.')[3], e.data]);
  };

  it('reminds the desk on the last working day after the holiday, tells the head when overdue, escalates after the make-up day', async () => {
    const { f, notices } = await setup();
    expect(await at(f, notices, '2025-10-09T18:00:00')).toEqual([]);
    const due = { limit: 'claim', dueDate: '2025-10-10', dueAt: cst('2025-10-11T00:00:00').toISOString() };
    expect(await at(f, notices, '2025-10-10T08:00:00')).toEqual([
      ['reminded', expect.objectContaining({ ...due, notify: [{ department: 'SCJG', role: 'handler' }] })],
    ]);
    expect(await at(f, notices, '2025-10-10T20:00:00')).toEqual([]);
    expect(await at(f, notices, '2025-10-11T09:00:00')).toEqual([
      ['overdue', expect.objectContaining({ notify: [{ department: 'SCJG', role: 'head' }] })],
    ]);
    expect(await at(f, notices, '2025-10-11T23:59:00')).toEqual([]);
    expect(await at(f, notices, '2025-10-12T00:00:00')).toEqual([
      [
        'escalated',
        expect.objectContaining({
          notify: [
            { department: 'SCJG', role: 'head' },
            { department: 'ZFW', role: 'coordinator' },
            { department: 'DZB', role: 'coordinator' },
          ],
        }),
      ],
    ]);
    expect(f.pushes.row('SP-1', 'SCJG')).toMatchObject({ noticeStage: 'escalated', nextNoticeAt: null });
  });

  it('sends overdue and escalation at once after a scheduler that was down, and no reminder of what is overdue', async () => {
    const { f, notices } = await setup();
    expect((await at(f, notices, '2025-10-13T09:00:00')).map(([stage]) => stage)).toEqual(['overdue', 'escalated']);
  });
});
