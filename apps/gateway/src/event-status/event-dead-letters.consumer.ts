import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { CloudEventMediaTypes, DEAD_LETTER_TOPIC_PATTERN, DeadLetterHeaders } from '@hub/contracts';
import { HubContext, OnRawMessage, RawKafkaMessage } from '@hub/messaging';
import { EventStatusRepository } from './event-status.repository';

/**
 * Reads every consumer's dead letters and keeps those of events the gateway accepted, with the consumer and the
 * reason, for the publisher (GET /v1/events/:id, GET /v1/dead-letters). Others' (the apps' own events) are passed over.
 */
@Controller()
export class EventDeadLettersConsumer {
  @OnRawMessage('event-dead-letters', { topics: DEAD_LETTER_TOPIC_PATTERN })
  async collect(@Payload() message: RawKafkaMessage, @Ctx() ctx: HubContext): Promise<void> {
    const { meta } = message;
    const header = (name: string): string | undefined => meta.headers[name];
    const identity = identityOf(meta.headers, message.value);
    if (!identity) return;
    const department = await EventStatusRepository.publisherOf(ctx.manager, identity.source, identity.id);
    if (department === undefined) return;
    await EventStatusRepository.record(ctx.manager, {
      dlqTopic: meta.topic,
      dlqPartition: meta.partition,
      dlqOffset: meta.offset,
      source: identity.source,
      eventId: identity.id,
      department,
      type: identity.type,
      consumer: header(DeadLetterHeaders.consumer) ?? 'unknown',
      reason: header(DeadLetterHeaders.reason) ?? 'no reason given',
      errors: asObject(parsed(header(DeadLetterHeaders.errors))),
      attempts: Number(header(DeadLetterHeaders.attempts) ?? 0) || 0,
      originalTopic: header(DeadLetterHeaders.originalTopic) ?? meta.topic.replace(/\.dlq$/, ''),
      originalPartition: Number(header(DeadLetterHeaders.originalPartition) ?? -1),
      originalOffset: /^\d+$/.test(header(DeadLetterHeaders.originalOffset) ?? '')
        ? header(DeadLetterHeaders.originalOffset)!
        : '-1',
      deadLetteredAt: new Date(Number(meta.timestamp)),
    });
  }
}

/** The dead event's CloudEvents identity: from the binary mode's headers, else from the structured mode's body. */
export function identityOf(
  headers: Record<string, string>,
  value: Buffer | null,
): { source: string; id: string; type: string } | undefined {
  if (headers['ce_id'] && headers['ce_source'])
    return { source: headers['ce_source'], id: headers['ce_id'], type: headers['ce_type'] ?? 'unknown' };
  if (!value || !headers['content-type']?.startsWith(CloudEventMediaTypes.structured)) return undefined;
  const body = parsed(value.toString('utf8'));
  if (typeof body !== 'object' || body === null) return undefined;
  const { id, source, type } = body as Record<string, unknown>;
  if (typeof id !== 'string' || typeof source !== 'string') return undefined;
  return { source, id, type: typeof type === 'string' ? type : 'unknown' };
}

function asObject(value: unknown): object | null {
  return typeof value === 'object' && value !== null ? value : null;
}

function parsed(text: string | undefined): unknown {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    // Not JSON, or nested past the parser's depth: what it was is not knowable from here.
    return undefined;
  }
}
