import type { GapRow } from '../../registry-rows';

/** The CSV columns of the gap list, with their Chinese headings. */
const COLUMNS: [keyof GapRow, string][] = [
  ['gapId', '缺口编号'],
  ['kind', '类型'],
  ['subject', '对象'],
  ['uscc', '统一社会信用代码'],
  ['department', '部门'],
  ['licenceType', '证照类型'],
  ['check', '未通过的核验'],
  ['since', '起始时间'],
  ['detail', '说明'],
  ['closedAt', '关闭时间'],
  ['resolution', '关闭原因'],
];

/** RFC 4180 CSV, UTF-8 with a BOM (so spreadsheet programs read the Chinese right), CRLF line ends. */
export function gapsCsv(gaps: readonly GapRow[]): string {
  const lines = [COLUMNS.map(([, heading]) => heading), ...gaps.map((g) => COLUMNS.map(([key]) => text(g[key])))];
  return `\uFEFF${lines.map((cells) => cells.map(cell).join(',')).join('\r\n')}\r\n`;
}

function text(value: unknown): string {
  if (value === null || value === undefined) return '';
  return value instanceof Date ? value.toISOString() : String(value);
}

function cell(value: string): string {
  // A leading = + - @ would be a formula in a spreadsheet: quoted with an apostrophe (OWASP CSV injection).
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
