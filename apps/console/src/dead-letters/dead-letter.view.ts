import { EventTypeRegistry, KAFKA_HEADER_PREFIX, eventTypeRegistry, maskPersonalData } from '@hub/contracts';
import { DeadLetter } from './entities/dead-letter.entity';

/** The message of a dead letter as operators see it. */
export type DeadLetterValue =
  /** JSON of a registered event type, its personal data masked as the type's contract marks it (可用不可见). */
  | { readonly encoding: 'json'; readonly type: string; readonly json: unknown }
  /** Anything else, as it was: no contract says what in it is personal. */
  | { readonly encoding: 'base64'; readonly base64: string };

export type DeadLetterView = Omit<DeadLetter, 'valueBase64'> & { readonly value: DeadLetterValue };

/** A letter in a list: everything but its message, which is opened one letter at a time (and recorded). */
export type DeadLetterSummary = Omit<DeadLetter, 'valueBase64'>;

/** A letter opened by a caller whose roles may not see payloads (an administrator turned it off). */
export type DeadLetterWithoutValue = DeadLetterSummary & { readonly value: { readonly encoding: 'hidden' } };

export function deadLetterSummary(letter: DeadLetter): DeadLetterSummary {
  const { valueBase64: _value, ...rest } = letter;
  return rest;
}

/**
 * A dead letter for an answer: the stored message (kept whole for replay) is shown with its personal data masked.
 * Operators are not entitled to it: they need to see why a message failed, not whom it names.
 */
export function deadLetterView(letter: DeadLetter, registry: EventTypeRegistry = eventTypeRegistry): DeadLetterView {
  const { valueBase64, ...rest } = letter;
  return { ...rest, value: maskedValue(letter, registry) ?? { encoding: 'base64', base64: valueBase64 } };
}

function maskedValue(letter: DeadLetter, registry: EventTypeRegistry): DeadLetterValue | undefined {
  const json = parseJson(Buffer.from(letter.valueBase64, 'base64'));
  if (json === undefined) return undefined;
  // Binary mode: the value is the data and the type a header; structured mode: the value is the whole event.
  const binaryType = letter.headers[`${KAFKA_HEADER_PREFIX}type`];
  if (binaryType !== undefined) {
    const definition = registry.get(binaryType);
    return definition && { encoding: 'json', type: binaryType, json: maskPersonalData(definition.payload, json) };
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return undefined;
  const event = json as Record<string, unknown>;
  const definition = typeof event['type'] === 'string' ? registry.get(event['type']) : undefined;
  if (!definition) return undefined;
  return {
    encoding: 'json',
    type: definition.type,
    json: { ...event, data: maskPersonalData(definition.payload, event['data']) },
  };
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

function parseJson(value: Buffer): unknown {
  try {
    return JSON.parse(utf8.decode(value)) as unknown;
  } catch {
    return undefined;
  }
}
