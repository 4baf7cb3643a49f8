import { createHash } from 'node:crypto';

/**
 * A UUID-shaped id derived from its parts. Events the app derives from other events get such ids, so that
 * replaying the topics into an empty schema emits the very same events again and every consumer's inbox
 * recognises them as already applied.
 */
export function stableId(...parts: string[]): string {
  const h = createHash('sha256').update(parts.join('\u0000')).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h[16], 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
