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

export function canonicalJson(value: unknown): string {
  if (Buffer.isBuffer(value) || value instanceof Uint8Array)
    return JSON.stringify({ base64: Buffer.from(value).toString('base64') });
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.keys(value)
      .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
