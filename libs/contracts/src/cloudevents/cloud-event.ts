/**
 * A CloudEvents 1.0 event as held in memory. `data` is the decoded payload: a JSON value when
 * `datacontenttype` is JSON (or absent), a `Buffer` for binary data, a string for other text.
 * Extension attributes other than the hub's sit beside the known ones (CloudEvents allows any).
 */
export interface CloudEvent<T = unknown> {
  readonly specversion: '1.0';
  /** Non-empty; `source` + `id` is unique per distinct event. */
  readonly id: string;
  /** URI-reference, e.g. `/departments/SPJ/systems/approval`. */
  readonly source: string;
  /** `zone.<domain>.<aggregate>.<verb>.v<N>`. */
  readonly type: string;
  /** For enterprise events, the enterprise's 统一社会信用代码. */
  readonly subject?: string;
  /** RFC 3339. */
  readonly time?: string;
  readonly datacontenttype?: string;
  /** Absolute URI. */
  readonly dataschema?: string;
  readonly data?: T;
  /** Partitioning extension: the Kafka message key (the enterprise's 统一社会信用代码 or the aggregate id). */
  readonly partitionkey?: string;
  /** Distributed tracing extension (W3C Trace Context). */
  readonly traceparent?: string;
  readonly tracestate?: string;
  /** Hub extension: code of the department the event comes from (see seed/departments.json). */
  readonly department?: string;
  /** Hub extension: the id shared by every event of one business process. */
  readonly correlationid?: string;
  /** Hub extension: the id of the event that caused this one. */
  readonly causationid?: string;
  readonly [extension: string]: unknown;
}

export const CLOUDEVENTS_SPEC_VERSION = '1.0';

/** The context attributes CloudEvents 1.0 defines, `data` aside. */
export const CORE_ATTRIBUTES = [
  'specversion',
  'id',
  'source',
  'type',
  'subject',
  'time',
  'datacontenttype',
  'dataschema',
] as const;

/** The extensions the hub knows and checks. */
export const HUB_EXTENSIONS = [
  'partitionkey',
  'traceparent',
  'tracestate',
  'department',
  'correlationid',
  'causationid',
] as const;

export const CloudEventMediaTypes = {
  structured: 'application/cloudevents+json',
  batch: 'application/cloudevents-batch+json',
  json: 'application/json',
} as const;

/** Content type written with structured-mode messages (Kafka and HTTP bindings, §3.3.1 / §3.2.1). */
export const STRUCTURED_CONTENT_TYPE = `${CloudEventMediaTypes.structured}; charset=UTF-8`;
export const BATCH_CONTENT_TYPE = `${CloudEventMediaTypes.batch}; charset=UTF-8`;

/** A context attribute value as the CloudEvents type system allows it in memory. */
export type AttributeValue = string | number | boolean;
