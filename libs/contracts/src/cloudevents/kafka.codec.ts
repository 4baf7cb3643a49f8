import { fieldError, type FieldError } from '../validation/field-error';
import { mediaTypeEssence } from '../validation/formats';
import { CloudEventMediaTypes, STRUCTURED_CONTENT_TYPE, type CloudEvent } from './cloud-event';
import { validateEnvelope } from './cloud-event.envelope';
import {
  decodeBinaryData,
  decodeUtf8,
  encodeBinaryData,
  encodeStructured,
  failure,
  fromJsonFormat,
  parseJsonBytes,
  setOwn,
  type CloudEventDecodeResult,
} from './json-format.codec';

// CloudEvents Kafka Protocol Binding 1.0: binary mode puts each attribute in a `ce_<name>` header and data in
// the value; structured mode puts the JSON event format in the value. Pure functions, no kafkajs.

export type ContentMode = 'binary' | 'structured';

/** A header value as Kafka clients hand it over (kafkajs gives arrays for repeated headers). */
export type KafkaHeaderValue = Buffer | string | undefined | (Buffer | string)[];

export interface KafkaMessageIn {
  readonly key?: Buffer | string | null;
  readonly value: Buffer | string | null;
  readonly headers?: Readonly<Record<string, KafkaHeaderValue>>;
}

export interface KafkaMessageOut {
  /** The `partitionkey` extension, so that one enterprise's events share a partition and keep their order. */
  readonly key: string | null;
  /** Null in binary mode for an event without data (Kafka binding §3.2.2). */
  readonly value: Buffer | null;
  readonly headers: Record<string, string>;
}

export const KAFKA_HEADER_PREFIX = 'ce_';
const CONTENT_TYPE = 'content-type';

export const KafkaCodecRules = {
  duplicateHeader: 'duplicateHeader',
  contentMode: 'contentMode',
  eventFormat: 'eventFormat',
  contentTypeConflict: 'contentTypeConflict',
  reservedName: 'reservedName',
  required: 'isDefined',
} as const;

export function toKafkaMessage(event: CloudEvent, mode: ContentMode): KafkaMessageOut {
  // Kafka binding §3.1: the opt-in key mapper sends `partitionkey` as the message key, as-is.
  const key = typeof event.partitionkey === 'string' ? event.partitionkey : null;
  if (mode === 'structured') {
    return { key, value: encodeStructured(event), headers: { [CONTENT_TYPE]: STRUCTURED_CONTENT_TYPE } };
  }
  const { body, contentType } = encodeBinaryData(event);
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(event)) {
    if (name === 'data' || name === 'datacontenttype' || value === undefined || value === null) continue;
    headers[KAFKA_HEADER_PREFIX + name] = String(value);
  }
  if (contentType !== undefined) headers[CONTENT_TYPE] = contentType;
  return { key, value: body, headers };
}

/**
 * Structured when `content-type` is `application/cloudevents…` (binding §3), else binary when a
 * `ce_specversion` header is present; a message with neither is read as structured JSON, which is what
 * `kcat -P` sends from a file of JSON lines.
 */
export function fromKafkaMessage(message: KafkaMessageIn): CloudEventDecodeResult {
  const headers = normaliseHeaders(message.headers ?? {});
  if (!headers.ok) return failure(headers.errors);
  const value = typeof message.value === 'string' ? Buffer.from(message.value, 'utf8') : message.value;
  const contentType = headers.values.get(CONTENT_TYPE);
  const essence = contentType === undefined ? undefined : mediaTypeEssence(contentType);
  if (essence !== undefined && essence.startsWith('application/cloudevents')) {
    if (essence !== CloudEventMediaTypes.structured) {
      return failure([
        fieldError(
          CONTENT_TYPE,
          KafkaCodecRules.eventFormat,
          `event format ${essence} is not supported; use ${CloudEventMediaTypes.structured}`,
        ),
      ]);
    }
    return decodeStructured(value);
  }
  if (headers.values.has(`${KAFKA_HEADER_PREFIX}specversion`)) return decodeBinary(headers.values, value);
  if (contentType === undefined) return decodeStructured(value);
  return failure([
    fieldError(
      CONTENT_TYPE,
      KafkaCodecRules.contentMode,
      `not a CloudEvent: content-type is ${contentType}, not ${CloudEventMediaTypes.structured}, and there is no ce_specversion header`,
    ),
  ]);
}

/**
 * The event type of a binary-mode message, read from its one `ce_type` header without decoding the event; undefined
 * for any other message (structured mode carries the type in the value). For readers that skip types they do not
 * handle: the message is decoded, and checked, only by a reader that handles its type.
 */
export function peekEventType(message: KafkaMessageIn): string | undefined {
  return peekBinaryHeaders(message)?.type;
}

/** The CloudEvents identity (`ce_source`, `ce_id`) of a binary-mode message without decoding it, as peekEventType. */
export function peekEventIdentity(message: KafkaMessageIn): { source: string; id: string } | undefined {
  const { source, id } = peekBinaryHeaders(message) ?? {};
  return source !== undefined && id !== undefined ? { source, id } : undefined;
}

const PEEKED: Readonly<Record<string, 'type' | 'source' | 'id'>> = {
  [`${KAFKA_HEADER_PREFIX}type`]: 'type',
  [`${KAFKA_HEADER_PREFIX}source`]: 'source',
  [`${KAFKA_HEADER_PREFIX}id`]: 'id',
};

type PeekedHeaders = { type?: string; source?: string; id?: string } | undefined;

// A consumer peeks at a message more than once (its identity for the inbox, then its type); it reads the headers once.
const peeked = new WeakMap<KafkaMessageIn, PeekedHeaders>();

function peekBinaryHeaders(message: KafkaMessageIn): PeekedHeaders {
  if (peeked.has(message)) return peeked.get(message);
  const found = readBinaryHeaders(message);
  peeked.set(message, found);
  return found;
}

function readBinaryHeaders(message: KafkaMessageIn): PeekedHeaders {
  const found: Record<string, string> = {};
  let binary = false;
  for (const [name, value] of Object.entries(message.headers ?? {})) {
    if (value === undefined) continue; // as decoding reads it: absent
    const lower = name.toLowerCase();
    const attribute = Object.prototype.hasOwnProperty.call(PEEKED, lower) ? PEEKED[lower] : undefined;
    if (attribute !== undefined) {
      // Given twice: decoding reports it.
      if (found[attribute] !== undefined || Array.isArray(value)) return undefined;
      found[attribute] = typeof value === 'string' ? value : value.toString('utf8');
    } else if (lower === `${KAFKA_HEADER_PREFIX}specversion`) binary = true;
    else if (lower === CONTENT_TYPE && String(value).toLowerCase().includes('application/cloudevents'))
      return undefined;
  }
  return binary ? found : undefined;
}

function decodeStructured(value: Buffer | null): CloudEventDecodeResult {
  if (value === null || value.length === 0) {
    return failure([
      fieldError(
        '',
        KafkaCodecRules.required,
        'a structured-mode message carries the event in its value, which is empty',
      ),
    ]);
  }
  const parsed = parseJsonBytes(value, 'value');
  return parsed.ok ? fromJsonFormat(parsed.value) : failure([parsed.error]);
}

function decodeBinary(headers: ReadonlyMap<string, string>, value: Buffer | null): CloudEventDecodeResult {
  const event: Record<string, unknown> = {};
  const errors: FieldError[] = [];
  for (const [header, headerValue] of headers) {
    if (!header.startsWith(KAFKA_HEADER_PREFIX)) continue;
    const name = header.slice(KAFKA_HEADER_PREFIX.length);
    if (name === 'data') {
      errors.push(
        fieldError(
          'data',
          KafkaCodecRules.reservedName,
          'ce_data is not allowed: data is the message value (CloudEvents 1.0 reserves the name)',
        ),
      );
      continue;
    }
    setOwn(event, name, headerValue);
  }
  const contentType = headers.get(CONTENT_TYPE);
  if (contentType !== undefined) {
    if (event['datacontenttype'] !== undefined && event['datacontenttype'] !== contentType) {
      errors.push(
        fieldError(
          'datacontenttype',
          KafkaCodecRules.contentTypeConflict,
          'ce_datacontenttype differs from content-type, which carries datacontenttype in binary mode (Kafka binding §3.2.1)',
        ),
      );
    }
    event['datacontenttype'] = contentType;
  }
  const datacontenttype = typeof event['datacontenttype'] === 'string' ? event['datacontenttype'] : undefined;
  const data = decodeBinaryData(value, datacontenttype);
  if (data.ok) {
    if (data.data !== undefined) event['data'] = data.data;
  } else {
    errors.push(data.error);
  }
  errors.push(...validateEnvelope(event));
  return errors.length > 0 ? failure(errors) : { ok: true, event: event as unknown as CloudEvent };
}

type NormalisedHeaders = { ok: true; values: Map<string, string> } | { ok: false; errors: FieldError[] };

/**
 * The CloudEvents headers (`ce_*`, `content-type`) with lower-cased names and UTF-8 values; one given twice is
 * an error, not a guess. Other headers are the application's business and are left alone.
 */
function normaliseHeaders(raw: Readonly<Record<string, KafkaHeaderValue>>): NormalisedHeaders {
  const values = new Map<string, string>();
  const errors: FieldError[] = [];
  for (const [rawName, rawValue] of Object.entries(raw)) {
    const name = rawName.toLowerCase();
    if (name !== CONTENT_TYPE && !name.startsWith(KAFKA_HEADER_PREFIX)) continue;
    const list = rawValue === undefined ? [] : Array.isArray(rawValue) ? rawValue : [rawValue];
    if (list.length === 0) continue;
    if (list.length > 1 || values.has(name)) {
      errors.push(
        fieldError(headerField(name), KafkaCodecRules.duplicateHeader, `header ${name} appears more than once`),
      );
      continue;
    }
    const only = list[0] as Buffer | string;
    if (typeof only === 'string') {
      values.set(name, only);
      continue;
    }
    const decoded = decodeUtf8(only, headerField(name));
    if (decoded.ok) values.set(name, decoded.text);
    else errors.push(decoded.error);
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, values };
}

function headerField(header: string): string {
  return header.startsWith(KAFKA_HEADER_PREFIX) ? header.slice(KAFKA_HEADER_PREFIX.length) : header;
}
