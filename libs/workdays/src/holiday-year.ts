/** One year's official calendar as the State Council General Office publishes it (data/<year>.json). */
export interface HolidayYear {
  readonly year: number;
  readonly source: string;
  readonly verified: boolean;
  readonly holidays: readonly { readonly name: string; readonly from: string; readonly to: string }[];
  readonly makeUpWorkdays: readonly { readonly name: string; readonly date: string }[];
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Checks a year file (dates well formed and inside the year, ranges ordered); throws naming every problem. */
export function parseHolidayYear(raw: unknown): HolidayYear {
  const problems: string[] = [];
  const y = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const year = y['year'];
  if (typeof year !== 'number' || !Number.isInteger(year)) problems.push('year must be an integer');
  const inYear = (date: unknown, where: string): void => {
    if (typeof date !== 'string' || !DATE.test(date) || !isRealDate(date)) problems.push(`${where} must be YYYY-MM-DD`);
    else if (Number(date.slice(0, 4)) !== year) problems.push(`${where} ${date} is not in ${String(year)}`);
  };
  const holidays = Array.isArray(y['holidays']) ? (y['holidays'] as Record<string, unknown>[]) : [];
  const makeUps = Array.isArray(y['makeUpWorkdays']) ? (y['makeUpWorkdays'] as Record<string, unknown>[]) : [];
  if (!Array.isArray(y['holidays'])) problems.push('holidays must be an array');
  if (!Array.isArray(y['makeUpWorkdays'])) problems.push('makeUpWorkdays must be an array');
  holidays.forEach((h, i) => {
    inYear(h['from'], `holidays[${i}].from`);
    inYear(h['to'], `holidays[${i}].to`);
    if (typeof h['from'] === 'string' && typeof h['to'] === 'string' && h['from'] > h['to']) {
      problems.push(`holidays[${i}] ends before it starts`);
    }
  });
  makeUps.forEach((m, i) => {
    inYear(m['date'], `makeUpWorkdays[${i}].date`);
    if (typeof m['date'] === 'string' && isRealDate(m['date']) && !isWeekend(m['date'])) {
      problems.push(`makeUpWorkdays[${i}].date ${m['date']} is not a Saturday or Sunday`);
    }
  });
  if (typeof y['source'] !== 'string' || y['source'].trim() === '') problems.push('source must name the notice');
  if (problems.length > 0) throw new TypeError(`holiday year ${String(year)}: ${problems.join('; ')}`);
  return y as unknown as HolidayYear;
}

function isRealDate(date: string): boolean {
  const d = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === date;
}

/** Saturday or Sunday, for a calendar date `YYYY-MM-DD`. */
export function isWeekend(date: string): boolean {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 0 || day === 6;
}
