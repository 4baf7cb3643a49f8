import { isUtf8 } from 'node:buffer';
import { fieldError, type FieldError } from '../validation/field-error';
import { isJsonMediaType } from '../validation/formats';
import type { CloudEvent } from './cloud-event';
import { isPlainObject, validateEnvelope } from './cloud-event.envelope';

export type CloudEventDecodeResult =
  { readonly ok: true; readonly event: CloudEvent } | { readonly ok: false; readonly errors: readonly FieldError[] };

export const CodecRules = {
  utf8: 'utf8',
  json: 'json',
  base64: 'base64',
  exclusiveData: 'exclusiveData',
} as const;

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
/** The JSON event format object of `event` (CloudEvents JSON format §3): binary data as `data_base64`. */
export function toJsonFormat(event: CloudEvent): Record<string, unknown> {
  const json: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(event)) {
    if (name !== 'data' && value !== undefined) json[name] = value;
  }
  const { data, datacontenttype } = event;
  if (data === undefined) return json;
  if (Buffer.isBuffer(data) || data instanceof Uint8Array) {
    json['data_base64'] = Buffer.from(data).toString('base64');
  } else if (datacontenttype === undefined || isJsonMediaType(datacontenttype) || typeof data === 'string') {
    json['data'] = data;
  } else {
    throw new TypeError(`data of event ${event.id} is neither bytes, a string nor declared JSON (${datacontenttype})`);
  }
  return json;
}

/** UTF-8 JSON bytes of one event in the JSON format. */
export function encodeStructured(event: CloudEvent): Buffer {
  return Buffer.from(JSON.stringify(toJsonFormat(event)), 'utf8');
}

/**
 * An event from a JSON-format object: `null` attributes count as absent (JSON format §2.2), `data_base64`
 * becomes a Buffer, then the envelope is validated.
 */
export function fromJsonFormat(json: unknown): CloudEventDecodeResult {
  if (!isPlainObject(json)) return failure(validateEnvelope(json));
  const event: Record<string, unknown> = {};
  const errors: FieldError[] = [];
  for (const [name, value] of Object.entries(json)) {
    if (name === 'data' || name === 'data_base64') continue;
    if (value !== null) setOwn(event, name, value);
  }
  const hasData = Object.prototype.hasOwnProperty.call(json, 'data');
  const base64 = json['data_base64'];
  if (base64 !== undefined && base64 !== null) {
    if (hasData) {
      errors.push(
        fieldError(
          'data_base64',
          CodecRules.exclusiveData,
          'data and data_base64 must not both be present (CloudEvents JSON format §3.1)',
        ),
      );
    } else if (typeof base64 !== 'string' || !BASE64.test(base64)) {
      errors.push(fieldError('data_base64', CodecRules.base64, 'data_base64 must be Base64 (RFC 4648 §4)'));
    } else {
      event['data'] = Buffer.from(base64, 'base64');
    }
  } else if (hasData) {
    event['data'] = json['data'];
  }
  errors.push(...validateEnvelope(event));
  return errors.length > 0 ? failure(errors) : { ok: true, event: event as unknown as CloudEvent };
}

/** Strict UTF-8 (a bad byte sequence is an error, never U+FFFD). */
export function decodeUtf8(
  bytes: Uint8Array,
  field: string,
): { ok: true; text: string } | { ok: false; error: FieldError } {
  // What a fatal TextDecoder answers (a leading byte order mark dropped), at a fraction of its cost per call.
  if (!isUtf8(bytes)) return { ok: false, error: fieldError(field, CodecRules.utf8, `${field} is not valid UTF-8`) };
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  return { ok: true, text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
}

export function parseJsonBytes(
  bytes: Uint8Array,
  field: string,
): { ok: true; value: unknown } | { ok: false; error: FieldError } {
  const decoded = decodeUtf8(bytes, field);
  if (!decoded.ok) return decoded;
  try {
    return { ok: true, value: JSON.parse(decoded.text) as unknown };
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    return { ok: false, error: fieldError(field, CodecRules.json, `${field} is not valid JSON: ${detail}`) };
  }
}

/** Binary mode (Kafka §3.2, HTTP §3.1): the data bytes and the content type that describes them. */
export function encodeBinaryData(event: CloudEvent): { body: Buffer | null; contentType: string | undefined } {
  const { data, datacontenttype } = event;
  if (data === undefined) return { body: null, contentType: datacontenttype };
  if (Buffer.isBuffer(data) || data instanceof Uint8Array)
    return { body: Buffer.from(data), contentType: datacontenttype };
  if (datacontenttype === undefined || isJsonMediaType(datacontenttype)) {
    // JSON format §3.1.2: a missing datacontenttype means application/json, set explicitly when re-encoding.
    return { body: Buffer.from(JSON.stringify(data), 'utf8'), contentType: datacontenttype ?? 'application/json' };
  }
  if (typeof data === 'string') return { body: Buffer.from(data, 'utf8'), contentType: datacontenttype };
  throw new TypeError(`data of event ${event.id} is neither bytes, a string nor declared JSON (${datacontenttype})`);
}

/** Binary mode data: parsed when the content type is JSON, raw bytes otherwise, absent when there are none. */
export function decodeBinaryData(
  body: Buffer | null,
  contentType: string | undefined,
): { ok: true; data: unknown } | { ok: false; error: FieldError } {
  if (body === null || body.length === 0) return { ok: true, data: undefined };
  if (!isJsonMediaType(contentType)) return { ok: true, data: body };
  const parsed = parseJsonBytes(body, 'data');
  return parsed.ok ? { ok: true, data: parsed.value } : parsed;
}

/** Sets an own property even for the name `__proto__`, so that a hostile name is seen and refused, never applied. */
export function setOwn(target: Record<string, unknown>, name: string, value: unknown): void {
  // `__proto__` is the one accessor a plain object inherits; any other name assigned becomes an own property.
  if (name === '__proto__') {
    Object.defineProperty(target, name, { value, enumerable: true, writable: true, configurable: true });
  } else target[name] = value;
}

export function failure(errors: readonly FieldError[]): CloudEventDecodeResult {
  return { ok: false, errors };
}
