import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { CloudEvent, LicencePushedV1, LicencePushedV1Payload } from '@hub/contracts';
import { HubContext, OnEvent } from '@hub/messaging';
import { ReceivePushes } from './receive-pushes.use-case';

/** The approval app's pushes (licence.pushed), in batches. */
@Controller()
export class ReceivePushesConsumer {
  constructor(private readonly receivePushes: ReceivePushes) {}

  @OnEvent(LicencePushedV1.type, { batch: true })
  async pushes(@Payload() events: CloudEvent<LicencePushedV1Payload>[], @Ctx() ctx: HubContext): Promise<void> {
    await this.receivePushes.receive(ctx.manager, events);
  }
}
