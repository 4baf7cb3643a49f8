import type { SentCloudEvent } from './wire-types';

/**
 * The CloudEvents HTTP binding's binary mode: each attribute in a `ce-<name>` header (percent-encoded where
 * HTTP headers cannot carry it, §3.1.3.2), `data` as the body with `datacontenttype` as its Content-Type.
 */
export function toBinaryRequest(event: SentCloudEvent): { headers: Record<string, string>; body: string } {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(event)) {
    if (name === 'data' || name === 'datacontenttype' || value === undefined || value === null) continue;
    headers[`ce-${name}`] = percentEncode(String(value));
  }
  const contentType = event.datacontenttype ?? 'application/json';
  headers['content-type'] = contentType;
  const body = event.data === undefined ? '' : isJson(contentType) ? JSON.stringify(event.data) : String(event.data);
  return { headers, body };
}

/** Space, `"`, `%` and everything outside U+0021–U+007E as upper-case percent-encoded UTF-8. */
export function percentEncode(value: string): string {
  let out = '';
  for (const ch of value) {
    const code = ch.codePointAt(0) as number;
    if (code > 0x20 && code < 0x7f && ch !== '"' && ch !== '%') out += ch;
    else for (const byte of Buffer.from(ch, 'utf8')) out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

function isJson(contentType: string): boolean {
  const essence = contentType.split(';')[0]!.trim().toLowerCase();
  return essence === 'application/json' || essence.endsWith('+json') || essence === 'text/json';
}
