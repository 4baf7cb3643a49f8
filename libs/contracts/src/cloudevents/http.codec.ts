import { fieldError, prefixFieldErrors, type FieldError } from '../validation/field-error';
import { mediaTypeEssence } from '../validation/formats';
import { BATCH_CONTENT_TYPE, CloudEventMediaTypes, STRUCTURED_CONTENT_TYPE, type CloudEvent } from './cloud-event';
import { validateEnvelope } from './cloud-event.envelope';
import {
  decodeBinaryData,
  decodeUtf8,
  encodeBinaryData,
  encodeStructured,
  fromJsonFormat,
  parseJsonBytes,
  setOwn,
  toJsonFormat,
} from './json-format.codec';
import type { ContentMode } from './kafka.codec';

// CloudEvents HTTP Protocol Binding 1.0.2: binary (`ce-` headers, data as the body), structured
// (`application/cloudevents+json`) and batched (`application/cloudevents-batch+json`) modes.

/** Request headers as Node hands them over (names lower-cased by Node; lower-cased again here). */
export type HttpHeaders = Readonly<Record<string, string | readonly string[] | undefined>>;

export interface HttpRequestOut {
  readonly headers: Record<string, string>;
  readonly body: Buffer;
}

export type HttpContentMode = ContentMode | 'batch';

export type HttpDecodeResult =
  | { readonly ok: true; readonly mode: HttpContentMode; readonly events: readonly CloudEvent[] }
  | { readonly ok: false; readonly errors: readonly FieldError[] };

export const HTTP_HEADER_PREFIX = 'ce-';
const CONTENT_TYPE = 'content-type';

export const HttpCodecRules = {
  duplicateHeader: 'duplicateHeader',
  contentMode: 'contentMode',
  eventFormat: 'eventFormat',
  binaryContentType: 'binaryContentType',
  percentEncoding: 'percentEncoding',
  reservedName: 'reservedName',
  batch: 'isArray',
} as const;

export function toHttpRequest(event: CloudEvent, mode: ContentMode): HttpRequestOut {
  if (mode === 'structured')
    return { headers: { [CONTENT_TYPE]: STRUCTURED_CONTENT_TYPE }, body: encodeStructured(event) };
  const { body, contentType } = encodeBinaryData(event);
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(event)) {
    if (name === 'data' || name === 'datacontenttype' || value === undefined || value === null) continue;
    headers[HTTP_HEADER_PREFIX + name] = percentEncode(String(value));
  }
  if (contentType !== undefined) headers[CONTENT_TYPE] = contentType;
  return { headers, body: body ?? Buffer.alloc(0) };
}

export function toHttpBatchRequest(events: readonly CloudEvent[]): HttpRequestOut {
  const body = Buffer.from(JSON.stringify(events.map(toJsonFormat)), 'utf8');
  return { headers: { [CONTENT_TYPE]: BATCH_CONTENT_TYPE }, body };
}

/** The mode follows Content-Type (binding §3): cloudevents-batch, cloudevents, else binary with `ce-` headers. */
export function fromHttpRequest(headers: HttpHeaders, rawBody: Buffer): HttpDecodeResult {
  const single = singleValues(headers);
  if (!single.ok) return { ok: false, errors: single.errors };
  const contentType = single.values.get(CONTENT_TYPE);
  const essence = contentType === undefined ? '' : mediaTypeEssence(contentType);
  if (essence === CloudEventMediaTypes.batch) return decodeBatch(rawBody);
  if (essence === CloudEventMediaTypes.structured) return decodeStructured(rawBody);
  if (essence.startsWith('application/cloudevents')) {
    return failed([
      fieldError(
        CONTENT_TYPE,
        HttpCodecRules.eventFormat,
        `event format ${essence} is not supported; use ${CloudEventMediaTypes.structured} or ${CloudEventMediaTypes.batch}`,
      ),
    ]);
  }
  if (!single.values.has(`${HTTP_HEADER_PREFIX}specversion`)) {
    return failed([
      fieldError(
        CONTENT_TYPE,
        HttpCodecRules.contentMode,
        `not a CloudEvent: Content-Type is ${contentType ?? 'absent'}, not ${CloudEventMediaTypes.structured}, and there is no ce-specversion header`,
      ),
    ]);
  }
  return decodeBinary(single.values, rawBody);
}

function decodeStructured(body: Buffer): HttpDecodeResult {
  const parsed = parseJsonBytes(body, 'body');
  if (!parsed.ok) return failed([parsed.error]);
  const decoded = fromJsonFormat(parsed.value);
  return decoded.ok ? { ok: true, mode: 'structured', events: [decoded.event] } : failed(decoded.errors);
}

function decodeBatch(body: Buffer): HttpDecodeResult {
  const parsed = parseJsonBytes(body, 'body');
  if (!parsed.ok) return failed([parsed.error]);
  if (!Array.isArray(parsed.value)) {
    return failed([
      fieldError('body', HttpCodecRules.batch, 'a batch is a JSON array of events (CloudEvents JSON batch format §4)'),
    ]);
  }
  const events: CloudEvent[] = [];
  const errors: FieldError[] = [];
  parsed.value.forEach((item: unknown, i) => {
    const decoded = fromJsonFormat(item);
    if (decoded.ok) events.push(decoded.event);
    else errors.push(...prefixFieldErrors(`[${i}]`, decoded.errors));
  });
  return errors.length > 0 ? failed(errors) : { ok: true, mode: 'batch', events };
}

function decodeBinary(headers: ReadonlyMap<string, string>, body: Buffer): HttpDecodeResult {
  const event: Record<string, unknown> = {};
  const errors: FieldError[] = [];
  for (const [header, raw] of headers) {
    if (!header.startsWith(HTTP_HEADER_PREFIX)) continue;
    const name = header.slice(HTTP_HEADER_PREFIX.length);
    if (name === 'datacontenttype') {
      errors.push(
        fieldError(
          name,
          HttpCodecRules.binaryContentType,
          'ce-datacontenttype must not be sent in binary mode; Content-Type carries it (HTTP binding §3.1.1)',
        ),
      );
      continue;
    }
    if (name === 'data') {
      errors.push(
        fieldError(
          name,
          HttpCodecRules.reservedName,
          'ce-data is not allowed: data is the request body (CloudEvents 1.0 reserves the name)',
        ),
      );
      continue;
    }
    const decoded = percentDecode(raw, name);
    if (decoded.ok) setOwn(event, name, decoded.text);
    else errors.push(decoded.error);
  }
  const contentType = headers.get(CONTENT_TYPE);
  if (contentType !== undefined) event['datacontenttype'] = contentType;
  const data = decodeBinaryData(body, contentType);
  if (data.ok) {
    if (data.data !== undefined) event['data'] = data.data;
  } else {
    errors.push(data.error);
  }
  errors.push(...validateEnvelope(event));
  return errors.length > 0 ? failed(errors) : { ok: true, mode: 'binary', events: [event as unknown as CloudEvent] };
}

/**
 * HTTP binding §3.1.3.2: space, double quote, percent and everything outside U+0021–U+007E are sent as
 * percent-encoded UTF-8, upper-case hex.
 */
export function percentEncode(value: string): string {
  let out = '';
  for (const ch of value) {
    const code = ch.codePointAt(0) as number;
    if (code > 0x20 && code < 0x7f && ch !== '"' && ch !== '%') {
      out += ch;
    } else {
      for (const byte of Buffer.from(ch, 'utf8')) out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
    }
  }
  return out;
}

/**
 * HTTP binding §3.1.3.2 decoding: unquote a quoted-string, then one round of percent-decoding; the bytes
 * must be valid UTF-8 (overlong forms such as %C0%A0 are refused).
 */
export function percentDecode(
  value: string,
  field: string,
): { ok: true; text: string } | { ok: false; error: FieldError } {
  let raw = value;
  if (raw.length >= 2 && raw.startsWith('"') && raw.endsWith('"')) raw = raw.slice(1, -1).replace(/\\(.)/g, '$1');
  const bytes: number[] = [];
  for (let i = 0; i < raw.length; i++) {
    const ch = raw.charAt(i);
    if (ch === '%') {
      const hex = raw.slice(i + 1, i + 3);
      if (!/^[0-9A-Fa-f]{2}$/.test(hex)) {
        return {
          ok: false,
          error: fieldError(
            field,
            HttpCodecRules.percentEncoding,
            `ce-${field} has a bad percent-encoding at position ${i}`,
          ),
        };
      }
      bytes.push(parseInt(hex, 16));
      i += 2;
      continue;
    }
    const code = raw.charCodeAt(i);
    // Node exposes raw header bytes as latin1 characters; anything wider came from a JS caller as text.
    if (code < 0x100) bytes.push(code);
    else bytes.push(...Buffer.from(String.fromCodePoint(raw.codePointAt(i) as number), 'utf8'));
    if (code >= 0xd800 && code <= 0xdbff) i++;
  }
  const decoded = decodeUtf8(Uint8Array.from(bytes), field);
  return decoded.ok ? decoded : { ok: false, error: decoded.error };
}

type SingleValues = { ok: true; values: Map<string, string> } | { ok: false; errors: FieldError[] };

function singleValues(headers: HttpHeaders): SingleValues {
  const values = new Map<string, string>();
  const errors: FieldError[] = [];
  for (const [rawName, rawValue] of Object.entries(headers)) {
    const name = rawName.toLowerCase();
    if (name !== CONTENT_TYPE && !name.startsWith(HTTP_HEADER_PREFIX)) continue;
    const list: readonly string[] = rawValue === undefined ? [] : typeof rawValue === 'string' ? [rawValue] : rawValue;
    if (list.length === 0) continue;
    if (list.length > 1 || values.has(name)) {
      errors.push(
        fieldError(headerField(name), HttpCodecRules.duplicateHeader, `header ${name} appears more than once`),
      );
      continue;
    }
    values.set(name, (list[0] as string).trim());
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, values };
}

function failed(errors: readonly FieldError[]): HttpDecodeResult {
  return { ok: false, errors };
}

function headerField(header: string): string {
  return header.startsWith(HTTP_HEADER_PREFIX) ? header.slice(HTTP_HEADER_PREFIX.length) : header;
}
