import { LicencePushEscalatedV1, LicencePushOverdueV1, LicencePushRemindedV1 } from '@hub/contracts';
import { deadlineNotice, noticeFellDueAt, noticePass, noticeRank, progressAfter } from './deadline-notices';
import { deadlineSchedule } from './deadline-schedule';
import { WorkdayCalendar } from './workday-calendar';

const cst = (local: string): Date => new Date(`${local}+08:00`);
// Pushed on the Tuesday before 国庆 2025, 2 working days: due at the end of Friday 10/10, escalated at the end of
// the make-up Saturday 10/11.
const schedule = deadlineSchedule(new WorkdayCalendar(), cst('2025-09-30T10:00:00'), 2);
const TYPES = { reminded: LicencePushRemindedV1, overdue: LicencePushOverdueV1, escalated: LicencePushEscalatedV1 };

describe('deadline notices', () => {
  it('ranks the stages in the order they are sent', () => {
    expect(
      ['escalated', 'none', 'overdue', 'reminded'].sort((a, b) => noticeRank(a as never) - noticeRank(b as never)),
    ).toEqual(['none', 'reminded', 'overdue', 'escalated']);
  });

  it('a pass sends what is due and says where the limit then stands', () => {
    expect(noticePass(schedule, 'none', cst('2025-10-12T09:00:00'))).toEqual({
      due: ['overdue', 'escalated'],
      progress: { noticeStage: 'escalated', nextNoticeAt: null },
    });
    expect(noticePass(schedule, 'reminded', cst('2025-10-10T09:00:00'))).toEqual({
      due: [],
      progress: { noticeStage: 'reminded', nextNoticeAt: schedule.dueAt },
    });
  });

  it('a notice read back moves the stage forward only', () => {
    expect(progressAfter(schedule, 'reminded', 'overdue')).toEqual({
      noticeStage: 'overdue',
      nextNoticeAt: schedule.escalateAt,
    });
    expect(progressAfter(schedule, 'overdue', 'reminded')).toBeUndefined();
    expect(progressAfter(schedule, 'overdue', 'overdue')).toBeUndefined();
  });

  it('dates each notice by when it fell due', () => {
    expect(noticeFellDueAt(schedule, 'reminded')).toEqual(cst('2025-10-10T00:00:00'));
    expect(noticeFellDueAt(schedule, 'overdue')).toEqual(cst('2025-10-11T00:00:00'));
    expect(noticeFellDueAt(schedule, 'escalated')).toEqual(cst('2025-10-12T00:00:00'));
  });

  it('gives a notice the same id however often it is made, and another per department', () => {
    const subject = { uscc: '91130800MA0000000X', approvalId: 'SP-1', limit: 'claim' as const, due: schedule };
    const now = cst('2025-10-11T09:00:00');
    const once = deadlineNotice(TYPES, 'overdue', { ...subject, department: 'SCJG' }, [], { source: '/x', now });
    const again = deadlineNotice(TYPES, 'overdue', { ...subject, department: 'SCJG' }, [], { source: '/x', now });
    const other = deadlineNotice(TYPES, 'overdue', { ...subject, department: 'WJJ' }, [], { source: '/x', now });
    expect(again.id).toBe(once.id);
    expect(other.id).not.toBe(once.id);
    expect(once.type).toBe(LicencePushOverdueV1.type);
    expect(once.data).toMatchObject({ department: 'SCJG', limit: 'claim', dueDate: '2025-10-10' });
  });
});
