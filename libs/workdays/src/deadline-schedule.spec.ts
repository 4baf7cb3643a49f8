import { deadlineSchedule, nextNoticeAt, noticesDue } from './deadline-schedule';
import { WorkdayCalendar } from './workday-calendar';

const calendar = new WorkdayCalendar();
const cst = (local: string): Date => new Date(`${local}+08:00`);

describe('deadlineSchedule', () => {
  // Pushed on the Tuesday before 国庆 2025, 2 working days to claim: due at the end of Friday 10/10; escalated at
  // the end of the make-up Saturday 10/11, which is a working day.
  const schedule = deadlineSchedule(calendar, cst('2025-09-30T10:00:00'), 2);

  it('reminds on the morning of the last day, is overdue at its end, escalates a working day later', () => {
    expect(schedule).toEqual({
      dueDate: '2025-10-10',
      dueAt: cst('2025-10-11T00:00:00'),
      remindAt: cst('2025-10-10T00:00:00'),
      escalateAt: cst('2025-10-12T00:00:00'),
      provisional: false,
    });
    expect(nextNoticeAt(schedule, 'none')).toEqual(schedule.remindAt);
    expect(nextNoticeAt(schedule, 'reminded')).toEqual(schedule.dueAt);
    expect(nextNoticeAt(schedule, 'overdue')).toEqual(schedule.escalateAt);
    expect(nextNoticeAt(schedule, 'escalated')).toBeUndefined();
  });

  it.each([
    ['2025-10-09T18:00:00', 'none', []],
    ['2025-10-10T08:00:00', 'none', ['reminded']],
    ['2025-10-10T08:00:00', 'reminded', []],
    ['2025-10-11T09:00:00', 'reminded', ['overdue']],
    ['2025-10-11T09:00:00', 'none', ['overdue']],
    ['2025-10-12T09:00:00', 'none', ['overdue', 'escalated']],
    ['2025-10-12T09:00:00', 'overdue', ['escalated']],
    ['2025-10-20T09:00:00', 'escalated', []],
  ] as const)('at %s after %s sends %j', (now, stage, expected) => {
    expect(noticesDue(schedule, stage, cst(now))).toEqual(expected);
  });

  it('is provisional when escalation runs into an unpublished year', () => {
    expect(deadlineSchedule(calendar, cst('2026-12-29T10:00:00'), 2).provisional).toBe(true);
  });
});
