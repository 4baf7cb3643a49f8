import { CloudEventMediaTypes } from './cloud-event';

/**
 * Whose event a dead letter holds, from the letter as read raw: the binary mode's headers, else the structured mode's
 * body. Nothing is checked beyond the identity being strings: the message was dead-lettered, it may break any rule.
 */
export function deadLetterIdentity(
  headers: Readonly<Record<string, string>>,
  value: Buffer | null,
): { source: string; id: string; type: string } | undefined {
  if (headers['ce_id'] && headers['ce_source'])
    return { source: headers['ce_source'], id: headers['ce_id'], type: headers['ce_type'] ?? 'unknown' };
  if (!value || !headers['content-type']?.startsWith(CloudEventMediaTypes.structured)) return undefined;
  const body = parsedJson(value.toString('utf8'));
  if (typeof body !== 'object' || body === null) return undefined;
  const { id, source, type } = body as Record<string, unknown>;
  if (typeof id !== 'string' || typeof source !== 'string') return undefined;
  return { source, id, type: typeof type === 'string' ? type : 'unknown' };
}

/** The JSON value of the text, or undefined for text that is not JSON (or nested past the parser's depth). */
export function parsedJson(text: string | undefined): unknown {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
