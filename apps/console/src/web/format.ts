/** The zone's time zone: every date and time a person reads is Beijing time, whatever the server's zone. */
export const ZONE_TIME_ZONE = 'Asia/Shanghai';

const DATE_TIME = new Intl.DateTimeFormat('en-CA', {
  timeZone: ZONE_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** `2025-10-10 17:30` in Beijing time; `—` for nothing (a JSON null, or an unparsable value). */
export function formatDateTime(value: string | Date | null | undefined): string {
  if (value === null || value === undefined) return '—';
  const date = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) return '—';
  const part = Object.fromEntries(DATE_TIME.formatToParts(date).map((p) => [p.type, p.value]));
  return `${part.year}-${part.month}-${part.day} ${part.hour}:${part.minute}`;
}

/** A calendar date as the apps send it (`2025-10-10`, already the zone's day) or an instant's day in Beijing. */
export function formatDate(value: string | null | undefined): string {
  if (value === null || value === undefined) return '—';
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : formatDateTime(value).slice(0, 10);
}

export const PAGE_SIZE = 20;

export interface Page<T> {
  items: T[];
  /** 1-based, within 1..pageCount. */
  page: number;
  pageCount: number;
  total: number;
}

/** One page of a list; a page past the end shows the last one, so a list that shrank after an action still shows. */
export function paginate<T>(items: readonly T[], page: number, size = PAGE_SIZE): Page<T> {
  const pageCount = Math.max(1, Math.ceil(items.length / size));
  const current = Math.min(Math.max(1, Math.floor(page)), pageCount);
  return {
    items: items.slice((current - 1) * size, current * size),
    page: current,
    pageCount,
    total: items.length,
  };
}

/** The page's URL with `changes` applied to its query (undefined removes a parameter): pagination and filter links. */
export function withQuery(
  path: string,
  query: Record<string, string | undefined>,
  changes: Record<string, string | undefined>,
): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries({ ...query, ...changes })) {
    if (value !== undefined && value !== '') params.set(name, value);
  }
  const search = params.toString();
  return search === '' ? path : `${path}?${search}`;
}

/** Case-insensitive match of a filter against any of a row's fields; an empty filter keeps every row. */
export function matchesFilter(filter: string | undefined, ...fields: (string | null | undefined)[]): boolean {
  const needle = filter?.trim().toLowerCase();
  if (!needle) return true;
  return fields.some((f) => f?.toLowerCase().includes(needle));
}
