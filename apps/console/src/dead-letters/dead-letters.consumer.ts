import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import {
  DeadLetterHeaders,
  DeadLetterRecordedV1,
  DEAD_LETTER_TOPIC_PATTERN,
  EventLimits,
  createEvent,
  deadLetterIdentity,
} from '@hub/contracts';
import { HubContext, OnRawMessage, OutboxWriter, RawKafkaMessage } from '@hub/messaging';
import { CONSOLE_SOURCE, deadLetterNotice, publisherOf } from './dead-letter-notice';
import { DeadLettersRepository, NewDeadLetter } from './dead-letters.repository';

/**
 * Collects every consumer's dead letters, so that operators see them in one place. Every letter is stored, whatever
 * its headers hold: what PostgreSQL cannot take is replaced and the letter marked incomplete. Should storing still
 * fail, the consumer stops this partition rather than pass over the letter (HubKafkaServer).
 *
 * A letter of an event a department published is announced to that department (DeadLetterRecordedV1, which the
 * gateway delivers to its subscriptions alone), through the outbox: the notice is sent if and only if the letter is
 * stored, and once, as the letter is.
 */
@Controller()
export class DeadLettersConsumer {
  constructor(private readonly outbox: OutboxWriter) {}

  @OnRawMessage('dead-letters', { topics: DEAD_LETTER_TOPIC_PATTERN })
  async collect(@Payload() message: RawKafkaMessage, @Ctx() ctx: HubContext): Promise<void> {
    const row = deadLetterRow(message);
    const id = await DeadLettersRepository.record(ctx.manager, row);
    const notice = id === undefined ? undefined : deadLetterNotice(id, row, message);
    if (notice === undefined) return;
    await this.outbox.enqueue(ctx.manager, [createEvent(DeadLetterRecordedV1, notice, { source: CONSOLE_SOURCE })]);
  }
}

/** The row of a dead letter as read from its topic. */
export function deadLetterRow(message: RawKafkaMessage): NewDeadLetter {
  const { meta } = message;
  const incomplete: string[] = [];
  const text = (value: string, what: string): string => {
    // PostgreSQL's text and jsonb hold no NUL character.
    if (!value.includes('\u0000')) return value;
    incomplete.push(`NUL characters in ${what} replaced by U+FFFD`);
    return value.replace(/\u0000/g, '\uFFFD');
  };
  const headers: Record<string, string> = {};
  for (const [raw, value] of Object.entries(meta.headers)) {
    const name = text(raw, 'a header name');
    headers[name] = text(value, name);
  }
  const header = (name: string): string | undefined => headers[name];
  const integer = (name: string, fallback: number, max: number): number => {
    const value = header(name);
    if (value === undefined) return fallback;
    if (/^-?\d{1,19}$/.test(value) && Math.abs(Number(value)) <= max) return Number(value);
    incomplete.push(`${name} is not a number`);
    return fallback;
  };
  const truncated = header(DeadLetterHeaders.truncated);
  if (truncated !== undefined) incomplete.push(`cut to fit the broker's limit: ${truncated}`);
  const stamped = Number(meta.timestamp);
  const sent = Number.isFinite(stamped) ? stamped : Date.now();
  const original = integer(DeadLetterHeaders.originalTimestamp, sent, 8.64e15);
  const partition = integer(DeadLetterHeaders.originalPartition, -1, 2 ** 31 - 1);
  const offset = header(DeadLetterHeaders.originalOffset) ?? '';
  const known = partition !== -1 || header(DeadLetterHeaders.originalPartition) === '-1';
  const origin = known && /^-?\d{1,18}$/.test(offset);
  if (!origin) incomplete.push('where the original was is not known');
  const consumer = header(DeadLetterHeaders.consumer) ?? 'unknown';
  const originalTopic = header(DeadLetterHeaders.originalTopic) ?? meta.topic.replace(/\.dlq$/, '');
  const identity = deadLetterIdentity(headers, message.value);
  const type = identity?.type;
  return {
    dlqTopic: meta.topic,
    dlqPartition: meta.partition,
    dlqOffset: meta.offset,
    // Unique by its origin: one of unknown origin is told apart by where the letter itself is.
    consumer: origin ? consumer : `${consumer} (origin unknown: ${meta.topic}/${meta.partition}@${meta.offset})`,
    originalTopic,
    originalPartition: origin ? partition : -1,
    originalOffset: origin ? offset : '-1',
    reason: header(DeadLetterHeaders.reason) ?? 'no reason given',
    attempts: integer(DeadLetterHeaders.attempts, 0, 2 ** 31 - 1),
    key: message.key === null ? null : text(message.key, 'the key'),
    headers,
    valueBase64: (message.value ?? Buffer.alloc(0)).toString('base64'),
    originalAt: new Date(Math.min(original, sent)),
    incomplete: incomplete.length > 0 ? incomplete.join('; ') : null,
    eventType:
      type !== undefined && type !== 'unknown' && type.length <= EventLimits.type && !type.includes('\u0000')
        ? type
        : null,
    department: publisherOf(originalTopic, identity?.source) ?? null,
  };
}
