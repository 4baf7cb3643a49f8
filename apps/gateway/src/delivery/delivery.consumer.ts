import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { CloudEvent, EVENT_TYPES } from '@hub/contracts';
import { HubContext, OnEvent } from '@hub/messaging';
import { EntitlementsRepository, RECEIVABLE_TYPES_MAX_AGE_MS } from '../entitlements/entitlements.repository';
import { DeliveryRecorder } from './delivery-recorder.service';
import { ADDRESSED_TYPES } from './delivery-scope';

/**
 * Reads every canonical topic and records what the departments subscribed to, in the transaction that marks the
 * events as applied. Events of a type no department is entitled to (nor addressed to one) are passed over by the transport, undecoded
 * (the recorder would not keep them), by the receivable types read at most RECEIVABLE_TYPES_MAX_AGE_MS before; the
 * rest are checked against their contract before they get here.
 */
@Controller()
export class DeliveryConsumer {
  constructor(private readonly recorder: DeliveryRecorder) {}

  @OnEvent(EVENT_TYPES.map((definition) => definition.type), {
    batch: true,
    wanted: {
      read: async (manager) =>
        new Set([...(await EntitlementsRepository.receivableTypes(manager)), ...ADDRESSED_TYPES]),
      maxAgeMs: RECEIVABLE_TYPES_MAX_AGE_MS,
    },
  })
  async record(@Payload() events: CloudEvent[], @Ctx() ctx: HubContext): Promise<void> {
    // The hub's acceptance of each event: its record's timestamp, which the relay set (never the publisher's `time`).
    const acceptedAt = ctx.messages.map((m) => new Date(Number(m.timestamp)));
    await this.recorder.record(ctx.manager, events, acceptedAt);
  }
}
