import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { DeadLetterHeaders, DEAD_LETTER_TOPIC_PATTERN } from '@hub/contracts';
import { HubContext, OnRawMessage, RawKafkaMessage } from '@hub/messaging';
import { DeadLettersRepository } from './dead-letters.repository';

/** Collects every consumer's dead letters, so that operators see them in one place. */
@Controller()
export class DeadLettersConsumer {
  @OnRawMessage('dead-letters', { topics: DEAD_LETTER_TOPIC_PATTERN })
  async collect(@Payload() message: RawKafkaMessage, @Ctx() ctx: HubContext): Promise<void> {
    const { meta } = message;
    const header = (name: string): string | undefined => meta.headers[name];
    await DeadLettersRepository.record(ctx.manager, {
      dlqTopic: meta.topic,
      dlqPartition: meta.partition,
      dlqOffset: meta.offset,
      consumer: header(DeadLetterHeaders.consumer) ?? 'unknown',
      originalTopic: header(DeadLetterHeaders.originalTopic) ?? meta.topic.replace(/\.dlq$/, ''),
      originalPartition: Number(header(DeadLetterHeaders.originalPartition) ?? -1),
      originalOffset: header(DeadLetterHeaders.originalOffset) ?? '-1',
      reason: header(DeadLetterHeaders.reason) ?? 'no reason given',
      attempts: Number(header(DeadLetterHeaders.attempts) ?? 0),
      key: message.key,
      headers: meta.headers,
      valueBase64: (message.value ?? Buffer.alloc(0)).toString('base64'),
    });
  }
}
