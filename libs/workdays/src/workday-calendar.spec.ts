import { PUBLISHED_YEARS } from './calendar-data';
import { parseHolidayYear } from './holiday-year';
import { WorkdayCalendar, cstDate } from './workday-calendar';

const calendar = new WorkdayCalendar();
/** An instant at the given Beijing time. */
const cst = (local: string): Date => new Date(`${local}+08:00`);

describe('WorkdayCalendar', () => {
  it.each([
    ['2025-01-01', false, '元旦'],
    ['2025-01-26', true, 'Sunday worked for 春节'],
    ['2025-01-28', false, '春节 starts'],
    ['2025-02-04', false, '春节 ends'],
    ['2025-02-05', true, 'back to work'],
    ['2025-02-08', true, 'Saturday worked for 春节'],
    ['2025-04-04', false, '清明'],
    ['2025-04-27', true, 'Sunday worked for 劳动节'],
    ['2025-05-05', false, '劳动节 ends'],
    ['2025-05-31', false, '端午'],
    ['2025-06-02', false, '端午 Monday'],
    ['2025-09-28', true, 'Sunday worked for 国庆'],
    ['2025-10-08', false, '国庆 + 中秋 ends'],
    ['2025-10-11', true, 'Saturday worked for 国庆'],
    ['2025-10-12', false, 'an ordinary Sunday'],
    ['2025-10-13', true, 'an ordinary Monday'],
    ['2026-01-04', true, 'Sunday worked for 元旦'],
    ['2026-02-14', true, 'Saturday worked for 春节'],
    ['2026-02-23', false, '春节 ends on a Monday'],
    ['2026-02-28', true, 'Saturday worked for 春节'],
    ['2026-05-09', true, 'Saturday worked for 劳动节'],
    ['2026-06-19', false, '端午'],
    ['2026-09-20', true, 'Sunday worked for 国庆'],
    ['2026-09-25', false, '中秋'],
    ['2026-10-07', false, '国庆 ends'],
    ['2026-10-10', true, 'Saturday worked for 国庆'],
  ])('%s is a working day: %s (%s)', (date, expected) => {
    expect(calendar.isWorkday(date)).toBe(expected);
  });

  it('counts 2 working days from the day after, to the end of the last one (Beijing time)', () => {
    const due = calendar.addWorkdays(cst('2026-03-10T15:00:00'), 2); // a Tuesday
    expect(due).toEqual({ dueDate: '2026-03-12', dueAt: cst('2026-03-13T00:00:00'), provisional: false });
  });

  it('uses the Beijing date of an instant, not the UTC one', () => {
    // 2026-03-13 23:30 UTC is already Saturday 14 March in Beijing.
    expect(cstDate(new Date('2026-03-13T23:30:00Z'))).toBe('2026-03-14');
    expect(calendar.addWorkdays(new Date('2026-03-13T23:30:00Z'), 1).dueDate).toBe('2026-03-16');
  });

  it('skips 国庆 + 中秋 2025 and counts the make-up Saturday 10/11', () => {
    expect(calendar.addWorkdays(cst('2025-09-30T10:00:00'), 2).dueDate).toBe('2025-10-10');
    expect(calendar.addWorkdays(cst('2025-09-30T10:00:00'), 3).dueDate).toBe('2025-10-11');
    // With weekends alone it would have been 10/3.
    expect(new WorkdayCalendar([]).addWorkdays(cst('2025-09-30T10:00:00'), 3).dueDate).toBe('2025-10-03');
  });

  it('counts the make-up Sunday 2025-09-28 and then skips the holiday', () => {
    expect(calendar.addWorkdays(cst('2025-09-26T10:00:00'), 4)).toEqual({
      dueDate: '2025-10-09',
      dueAt: cst('2025-10-10T00:00:00'),
      provisional: false,
    });
  });

  it('crosses 春节 2026 and its two make-up Saturdays', () => {
    expect(calendar.addWorkdays(cst('2026-02-13T09:00:00'), 1).dueDate).toBe('2026-02-14');
    expect(calendar.addWorkdays(cst('2026-02-13T09:00:00'), 2).dueDate).toBe('2026-02-24');
  });

  it('counts weekends alone past the last published year and says the result is provisional', () => {
    expect(calendar.addWorkdays(cst('2026-12-30T10:00:00'), 2)).toEqual({
      dueDate: '2027-01-01', // 元旦 2027 is not published yet
      dueAt: cst('2027-01-02T00:00:00'),
      provisional: true,
    });
    expect(calendar.addWorkdays(cst('2026-12-28T10:00:00'), 2).provisional).toBe(false);
  });

  it('counts working days begun between two instants', () => {
    expect(calendar.workdaysBetween(cst('2025-09-30T10:00:00'), cst('2025-10-11T10:00:00'))).toBe(3);
    expect(calendar.workdaysBetween(cst('2025-10-11T10:00:00'), cst('2025-09-30T10:00:00'))).toBe(0);
  });

  it('refuses a negative or fractional limit', () => {
    expect(() => calendar.addWorkdays(new Date(), -1)).toThrow(RangeError);
    expect(() => calendar.addWorkdays(new Date(), 1.5)).toThrow(RangeError);
  });
});

describe('WorkdayCalendar, counted once', () => {
  it('answers a deadline counted before the same, from any instant of the day, with a Date of its own', () => {
    const fresh = new WorkdayCalendar();
    const first = fresh.addWorkdays(cst('2025-09-30T09:00:00'), 2);
    const again = fresh.addWorkdays(cst('2025-09-30T23:59:00'), 2);
    expect(again).toEqual(first);
    expect(first.dueDate).toBe('2025-10-10'); // 国庆、中秋 2025-10-01..08, then 10-09 and 10-10
    first.dueAt.setTime(0);
    expect(fresh.addWorkdays(cst('2025-09-30T12:00:00'), 2).dueAt).toEqual(again.dueAt);
    expect(fresh.addWorkdays(cst('2025-09-30T12:00:00'), 3).dueDate).toBe('2025-10-11'); // 调休上班 Saturday
  });
});

describe('the year files', () => {
  it('include 2025 and 2026, checked against the notices', () => {
    expect(PUBLISHED_YEARS.map((y) => [y.year, y.verified])).toEqual([
      [2025, true],
      [2026, true],
    ]);
  });

  it.each([
    [{ makeUpWorkdays: [{ name: 'x', date: '2025-10-13' }] }, /not a Saturday or Sunday/],
    [{ holidays: [{ name: 'x', from: '2025-10-08', to: '2025-10-01' }] }, /ends before it starts/],
    [{ holidays: [{ name: 'x', from: '2024-12-31', to: '2025-01-01' }] }, /not in 2025/],
    [{ holidays: [{ name: 'x', from: '2025-02-30', to: '2025-03-01' }] }, /must be YYYY-MM-DD/],
    [{ source: '' }, /source must name the notice/],
  ])('refuse a bad file %j', (change, message) => {
    const base = { year: 2025, source: 'notice', verified: true, holidays: [], makeUpWorkdays: [] };
    expect(() => parseHolidayYear({ ...base, ...change })).toThrow(message);
  });
});
