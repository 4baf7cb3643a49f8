/**
 * The hub's maximums for one event, documented in the OpenAPI document and the catalogue. Lengths count UTF-16 code
 * units (JavaScript's `length`), so never fewer than the characters. They keep every event storable: `source` and `id`
 * together stay well under PostgreSQL's btree row limit (2 704 bytes), which the receipts' and inboxes' keys hit.
 */
export const EventLimits = {
  /** `id`, `subject`, `partitionkey`, `correlationid`, `causationid`. */
  identifierLength: 256,
  source: 512,
  type: 128,
  /** Every other attribute's string value: `dataschema`, `datacontenttype`, `traceparent`, `tracestate`, extensions. */
  attributeLength: 1_024,
  /** CloudEvents 1.0 §Naming Conventions: names SHOULD NOT exceed 20 characters. */
  extensionNameLength: 20,
  /** Objects and arrays within `data`, `data` itself being level 1. */
  dataDepth: 16,
  dataKeyLength: 64,
  dataStringLength: 4_096,
  dataArrayLength: 1_000,
} as const;

export const LimitRules = {
  maxLength: 'maxLength',
  maxDepth: 'maxDepth',
  maxItems: 'maxItems',
  noNul: 'noNul',
  noLoneSurrogate: 'noLoneSurrogate',
  notNull: 'notNull',
} as const;

export type EventLimitsView = { readonly [K in keyof typeof EventLimits]: number };
