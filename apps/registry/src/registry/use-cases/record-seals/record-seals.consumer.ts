import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { CloudEvent, SealCancelledV1, SealChangedV1, SealFiledV1, SealMadeV1 } from '@hub/contracts';
import { HubContext, OnEvent } from '@hub/messaging';
import { RecordSeals } from './record-seals.use-case';

/** E-seals from the seal-making and filing systems, in batches. */
@Controller()
export class RecordSealsConsumer {
  constructor(private readonly seals: RecordSeals) {}

  @OnEvent([SealMadeV1.type, SealChangedV1.type, SealFiledV1.type, SealCancelledV1.type], { batch: true })
  async seal(@Payload() events: CloudEvent[], @Ctx() ctx: HubContext): Promise<void> {
    await this.seals.record(ctx.manager, events, ctx.messages);
  }
}
