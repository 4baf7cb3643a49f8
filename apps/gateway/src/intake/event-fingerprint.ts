import { createHash } from 'node:crypto';
import { CloudEvent } from '@hub/contracts';

/**
 * What makes two submissions of one `source` + `id` the same event: the same `type`, `subject` and `data` — what
 * happened, to whom. The other attributes (`time`, `datacontenttype`, `dataschema`, and the tracing, correlation and
 * partitioning extensions) describe a sending, not the event: a resend may leave one out or carry another value and
 * still gets the first one's receipt (the first one is what the hub keeps and relays). SHA-256 (hex) of that part in
 * a canonical JSON form: keys sorted at every depth, binary data as base64, whichever content mode (structured,
 * binary, batch) or key order it came in.
 */
export function eventFingerprint(event: CloudEvent): string {
  return createHash('sha256')
    .update(canonicalJson({ data: event.data, subject: event.subject, type: event.type }))
    .digest('hex');
}

/**
 * The fingerprint receipts were stored with before: of the whole event, every attribute included. A receipt may hold
 * one until GATEWAY_RECEIPT_RETENTION_HOURS after the change; an event sent again that matches it is the same event.
 */
export function legacyEventFingerprint(event: CloudEvent): string {
  return createHash('sha256').update(canonicalJson(event)).digest('hex');
}

/** Written out by hand, without the intermediate arrays of a map, filter and join: it runs for every event. */
export function canonicalJson(value: unknown): string {
  if (typeof value !== 'object' || value === null) return JSON.stringify(value) ?? 'null';
  if (value instanceof Uint8Array) return `{"base64":"${Buffer.from(value).toString('base64')}"}`;
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) out += (i === 0 ? '' : ',') + canonicalJson(value[i]);
    return out + ']';
  }
  const record = value as Record<string, unknown>;
  let out = '';
  for (const key of Object.keys(record).sort()) {
    const item = record[key];
    if (item !== undefined) out += `,${JSON.stringify(key)}:${canonicalJson(item)}`;
  }
  return `{${out.slice(1)}}`;
}
