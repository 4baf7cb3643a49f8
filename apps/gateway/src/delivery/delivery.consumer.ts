import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { CloudEvent, EVENT_TYPES } from '@hub/contracts';
import { HubContext, OnEvent } from '@hub/messaging';
import { DeliveryRecorder } from './delivery-recorder.service';

/**
 * Reads every canonical topic (each event already checked against its contract by the transport) and records
 * what the departments subscribed to, in the transaction that marks the events as applied.
 */
@Controller()
export class DeliveryConsumer {
  constructor(private readonly recorder: DeliveryRecorder) {}

  @OnEvent(EVENT_TYPES.map((definition) => definition.type), { batch: true })
  async record(@Payload() events: CloudEvent[], @Ctx() ctx: HubContext): Promise<void> {
    await this.recorder.record(ctx.manager, events);
  }
}
