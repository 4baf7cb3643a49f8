import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import {
  PushClaimRefusedV1,
  PushClaimedV1,
  PushEscalatedV1,
  PushOverdueV1,
  PushRemindedV1,
  PushReturnedV1,
  PushRevocationRequestedV1,
  PushSupervisedV1,
} from '@hub/contracts';
import { HubContext, OnEvent } from '@hub/messaging';
import { OwnEvent, Rebuild } from './rebuild.use-case';

const OWN = [
  PushClaimedV1,
  PushClaimRefusedV1,
  PushReturnedV1,
  PushSupervisedV1,
  PushRevocationRequestedV1,
  PushRemindedV1,
  PushOverdueV1,
  PushEscalatedV1,
].map((d) => d.type);

/** The app's own events read back (a no-op live, the rebuild on a replay). */
@Controller()
export class RebuildConsumer {
  constructor(private readonly rebuild: Rebuild) {}

  @OnEvent(OWN, { batch: true })
  async own(@Payload() events: OwnEvent[], @Ctx() ctx: HubContext): Promise<void> {
    await this.rebuild.apply(ctx.manager, events);
  }
}
