import { createHash } from 'node:crypto';
import { CloudEvent } from '@hub/contracts';

/**
 * SHA-256 (hex) of the event in a canonical JSON form: keys sorted at every depth, binary data as base64. Two
 * submissions of one `source` + `id` are the same event when their fingerprints are equal, whichever content mode
 * (structured, binary, batch) or key order they came in.
 */
export function eventFingerprint(event: CloudEvent): string {
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
