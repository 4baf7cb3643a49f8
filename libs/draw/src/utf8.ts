/**
 * UTF-8 without TextEncoder's per-string allocations, and the spec's "byte order" for any string: UTF-16 code-unit
 * order (JavaScript's default) equals UTF-8 byte order except where a surrogate pair (U+10000 and above) meets a code
 * unit in U+E000–U+FFFF.
 */
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;
const ANY_SURROGATE = /[\uD800-\uDFFF]/;

/** False for a string with a lone surrogate, which has no UTF-8 form. */
export function isWellFormed(value: string): boolean {
  return !LONE_SURROGATE.test(value);
}

export function utf8Length(value: string): number {
  let bytes = 0;
  for (let i = 0; i < value.length; i++) {
    const unit = value.charCodeAt(i);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit < 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** Writes a well-formed string at `at`; returns the position after it. */
export function writeUtf8(value: string, into: Uint8Array, at: number): number {
  let pos = at;
  for (let i = 0; i < value.length; i++) {
    let code = value.charCodeAt(i);
    if (code < 0x80) {
      into[pos++] = code;
      continue;
    }
    if (code >= 0xd800 && code < 0xdc00) {
      code = 0x10000 + ((code - 0xd800) << 10) + (value.charCodeAt(++i) - 0xdc00);
      into[pos++] = 0xf0 | (code >> 18);
      into[pos++] = 0x80 | ((code >> 12) & 0x3f);
    } else if (code >= 0x800) {
      into[pos++] = 0xe0 | (code >> 12);
    } else {
      into[pos++] = 0xc0 | (code >> 6);
      into[pos++] = 0x80 | (code & 0x3f);
      continue;
    }
    into[pos++] = 0x80 | ((code >> 6) & 0x3f);
    into[pos++] = 0x80 | (code & 0x3f);
  }
  return pos;
}

export function utf8(value: string): Uint8Array {
  const bytes = new Uint8Array(utf8Length(value));
  writeUtf8(value, bytes, 0);
  return bytes;
}

/** Surrogates (D800–DFFF) move above E000–FFFF; everything below D800 keeps its place. */
function rank(unit: number): number {
  return unit >= 0xe000 ? unit - 0x800 : unit + 0x2000;
}

/** Compares two well-formed strings in UTF-8 byte order. */
export function compareUtf8(a: string, b: string): number {
  const shorter = Math.min(a.length, b.length);
  for (let i = 0; i < shorter; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return x >= 0xd800 && y >= 0xd800 ? rank(x) - rank(y) : x - y;
  }
  return a.length - b.length;
}

export function hasSurrogate(values: readonly string[]): boolean {
  for (const value of values) if (ANY_SURROGATE.test(value)) return true;
  return false;
}

function compareUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The comparator of byte order for these lists: the engine's own order when no string has a surrogate (USCCs). */
export function byteOrderFor(...lists: readonly (readonly string[])[]): (a: string, b: string) => number {
  return lists.some(hasSurrogate) ? compareUtf8 : compareUnits;
}

/** Sorts in place in UTF-8 byte order. */
export function sortByteOrder(values: string[]): string[] {
  return hasSurrogate(values) ? values.sort(compareUtf8) : values.sort();
}

export function toHex(bytes: Uint8Array): string {
  let hex = '';
  for (let i = 0; i < bytes.length; i++) hex += (bytes[i]! < 16 ? '0' : '') + bytes[i]!.toString(16);
  return hex;
}

export function fromHex(hex: string): Uint8Array {
  const bytes = new Uint8Array(hex.length >> 1);
  for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(hex.substr(i * 2, 2), 16);
  return bytes;
}
