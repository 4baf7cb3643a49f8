import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { DEAD_LETTER_TOPIC_PATTERN, DeadLetterHeaders, deadLetterIdentity, parsedJson } from '@hub/contracts';
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
    const identity = deadLetterIdentity(meta.headers, message.value);
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
      errors: asObject(parsedJson(header(DeadLetterHeaders.errors))),
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

function asObject(value: unknown): object | null {
  return typeof value === 'object' && value !== null ? value : null;
}
