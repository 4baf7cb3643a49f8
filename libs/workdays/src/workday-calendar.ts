import { PUBLISHED_YEARS } from './calendar-data';
import { HolidayYear, isWeekend } from './holiday-year';

/** China Standard Time has no daylight saving: a working day runs from 00:00 to 24:00 at UTC+8. */
const CST_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;

export interface WorkdayDeadline {
  /** The last working day of the time limit, `YYYY-MM-DD` (Beijing time). */
  readonly dueDate: string;
  /** The end of that day: 24:00 Beijing time. */
  readonly dueAt: Date;
  /** True when a day counted lies in a year whose official calendar is not known yet (weekends alone were used). */
  readonly provisional: boolean;
}

/** The Beijing-time calendar date of an instant. */
export function cstDate(instant: Date): string {
  return new Date(instant.getTime() + CST_OFFSET_MS).toISOString().slice(0, 10);
}

/** 00:00 Beijing time of a calendar date. */
export function cstStartOf(date: string): Date {
  return new Date(Date.parse(`${date}T00:00:00Z`) - CST_OFFSET_MS);
}

function nextDate(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
}

/**
 * Working days (工作日): Monday to Friday, less official holidays, plus the make-up working days (调休上班), from
 * the State Council General Office's notice of each year. A year without a notice yet counts weekends alone.
 */
export class WorkdayCalendar {
  private readonly holidays = new Set<string>();
  private readonly makeUps = new Set<string>();
  private readonly years = new Set<number>();
  /** Deadlines counted already, by start date and days: counting walks the days one by one, for every push. */
  private readonly counted = new Map<string, WorkdayDeadline>();

  constructor(years: readonly HolidayYear[] = PUBLISHED_YEARS) {
    for (const y of years) {
      this.years.add(y.year);
      for (const h of y.holidays) for (let d = h.from; d <= h.to; d = nextDate(d)) this.holidays.add(d);
      for (const m of y.makeUpWorkdays) this.makeUps.add(m.date);
    }
  }

  /** Whether the official calendar of the date's year is known. */
  isKnown(date: string): boolean {
    return this.years.has(Number(date.slice(0, 4)));
  }

  isWorkday(date: string): boolean {
    if (this.makeUps.has(date)) return true;
    if (this.holidays.has(date)) return false;
    return !isWeekend(date);
  }

  /**
   * The deadline `days` working days after `from`: the day of `from` itself does not count (a matter received on a
   * Tuesday with 2 working days is due at the end of Thursday). `days` = 0 is the end of `from`'s own day.
   */
  addWorkdays(from: Date, days: number): WorkdayDeadline {
    if (!Number.isInteger(days) || days < 0)
      throw new RangeError(`addWorkdays: days must be a whole number ≥ 0, got ${days}`);
    const start = cstDate(from);
    const key = `${start}/${days}`;
    let deadline = this.counted.get(key);
    if (!deadline) {
      let date = start;
      let provisional = !this.isKnown(date) && days === 0;
      for (let counted = 0; counted < days;) {
        date = nextDate(date);
        if (!this.isKnown(date)) provisional = true;
        if (this.isWorkday(date)) counted++;
      }
      deadline = { dueDate: date, dueAt: cstStartOf(nextDate(date)), provisional };
      if (this.counted.size >= 10_000) this.counted.clear();
      this.counted.set(key, deadline);
    }
    // A Date of its own for each caller: a shared one could be changed under the others.
    return { ...deadline, dueAt: new Date(deadline.dueAt.getTime()) };
  }

  /** Working days that have begun after `from`'s day up to and including `to`'s day (0 when `to` is not later). */
  workdaysBetween(from: Date, to: Date): number {
    const end = cstDate(to);
    let count = 0;
    for (let date = nextDate(cstDate(from)); date <= end; date = nextDate(date)) if (this.isWorkday(date)) count++;
    return count;
  }
}
