/** Pure predicates for the text formats the contracts rely on. No class-validator here. */

import { parse as parseContentType } from 'content-type';

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(?:[Zz]|([+-])(\d{2}):(\d{2}))$/;
const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** RFC 3339 §5.6 `date-time`, with the calendar checked (no 2026-02-30, no 25:00). */
export function isRfc3339Timestamp(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = RFC3339.exec(value);
  if (!m) return false;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (!isValidDate(year, month, day) || hour > 23 || minute > 59 || second > 60) return false;
  if (m[8] !== undefined && (Number(m[8]) > 23 || Number(m[9]) > 59)) return false;
  return true;
}

/** A calendar date `YYYY-MM-DD` (RFC 3339 `full-date`). */
export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = CALENDAR_DATE.exec(value);
  return m !== null && isValidDate(Number(m[1]), Number(m[2]), Number(m[3]));
}

function isValidDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] as number;
  return day <= days;
}

const URI_CHARS = /^(?:[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=]|%[0-9A-Fa-f]{2})*$/;
const SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:/;

/** RFC 3986 §4.1 URI-reference (absolute URI or relative reference), non-empty. */
export function isUriReference(value: unknown): value is string {
  if (typeof value !== 'string' || value === '' || !URI_CHARS.test(value)) return false;
  if (value.indexOf('#') !== value.lastIndexOf('#')) return false;
  const scheme = SCHEME.exec(value);
  let rest = value;
  if (scheme) {
    rest = value.slice(scheme[0].length);
  } else {
    // A relative reference's first path segment must not contain ':' (RFC 3986 §4.2).
    const firstSegment = value.split(/[/?#]/, 1)[0] ?? '';
    if (firstSegment.includes(':')) return false;
  }
  // '[' and ']' are only legal around an IP literal in the authority.
  let authority = '';
  if (rest.startsWith('//')) {
    authority = rest.slice(2).split(/[/?#]/, 1)[0] ?? '';
    rest = rest.slice(2 + authority.length);
  }
  if (/[[\]]/.test(rest)) return false;
  if (/[[\]]/.test(authority) && !/^(?:[^@]*@)?\[[0-9A-Fa-f:.vV]+\](?::\d*)?$/.test(authority)) return false;
  return true;
}

/** RFC 3986 §4.3 absolute-URI: a scheme, no fragment. */
export function isAbsoluteUri(value: unknown): value is string {
  return isUriReference(value) && SCHEME.test(value) && !value.includes('#');
}

const TCHAR = "[!#$%&'*+.^_`|~0-9A-Za-z-]";
const TYPE_SUBTYPE = new RegExp(`${TCHAR}+/${TCHAR}+`, 'y');
// One `OWS ";" OWS [ parameter ]` of RFC 9110 §8.3.1, matched where the previous one ended. A single pattern
// repeating this group backtracks exponentially (the OWS after one ";" and before the next are the same run of
// blanks); taken one at a time, each step is linear and the scan never returns to what it read.
const PARAMETER = new RegExp(`[ \\t]*;[ \\t]*(?:${TCHAR}+=(?:${TCHAR}+|"(?:[^"\\\\]|\\\\.)*"))?`, 'y');

/** RFC 2046 media type as written in Content-Type (RFC 9110 §8.3.1), parameters allowed. */
export function isMediaType(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  TYPE_SUBTYPE.lastIndex = 0;
  if (!TYPE_SUBTYPE.test(value)) return false;
  let at = TYPE_SUBTYPE.lastIndex;
  while (at < value.length) {
    PARAMETER.lastIndex = at;
    if (!PARAMETER.test(value)) return false;
    at = PARAMETER.lastIndex;
  }
  return true;
}

/** The media type without parameters, lower-cased: `Application/JSON; charset=utf-8` → `application/json`. */
export function mediaTypeEssence(contentType: string): string {
  return parseContentType(contentType, { parameters: false }).type;
}

/** CloudEvents JSON format §3.1.1: subtype `json` or a `+json` suffix declares JSON data. */
export function isJsonMediaType(contentType: string | undefined): boolean {
  if (contentType === undefined) return false;
  const subtype = mediaTypeEssence(contentType).split('/')[1] ?? '';
  return subtype === 'json' || subtype.endsWith('+json');
}

const TRACEPARENT = /^([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})(-.*)?$/;

/** W3C Trace Context `traceparent`: version 00 exactly, later versions may append fields; `ff` and all-zero ids are invalid. */
export function isTraceparent(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = TRACEPARENT.exec(value);
  if (!m) return false;
  const [, version, traceId, parentId, , tail] = m;
  if (version === 'ff' || /^0+$/.test(traceId ?? '') || /^0+$/.test(parentId ?? '')) return false;
  return version !== '00' || tail === undefined;
}

const CONTROL_OR_NONCHARACTER = /[\u0000-\u001f\u007f-\u009f\ufdd0-\ufdef\ufffe\uffff]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** The CloudEvents `String` type: no control characters, no noncharacters, no unpaired surrogates. */
export function isCloudEventsString(value: unknown): value is string {
  return typeof value === 'string' && !CONTROL_OR_NONCHARACTER.test(value) && !LONE_SURROGATE.test(value);
}

/** A UTF-16 string that is not Unicode text: a high surrogate without its low one, or the reverse. */
export function hasLoneSurrogate(value: string): boolean {
  return LONE_SURROGATE.test(value);
}
