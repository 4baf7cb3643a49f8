import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import {
  CloudEvent,
  LicencePushedV1,
  LicencePushedV1Payload,
  PushClaimRefusedV1,
  PushClaimRequestedV1,
  PushClaimRequestedV1Payload,
  PushClaimedV1,
  PushEscalatedV1,
  PushOverdueV1,
  PushRemindedV1,
  PushReturnedV1,
  PushRevocationRequestedV1,
  PushSupervisedV1,
} from '@hub/contracts';
import { HubContext, OnEvent } from '@hub/messaging';
import { SupervisionService } from './supervision.service';

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

/**
 * Pushes from the approval app, departments' claim requests through the gateway, and the app's own events read back
 * (a no-op live, the rebuild on a replay).
 */
@Controller()
export class SupervisionConsumer {
  constructor(private readonly supervision: SupervisionService) {}

  @OnEvent(LicencePushedV1.type, { batch: true })
  async pushes(@Payload() events: CloudEvent<LicencePushedV1Payload>[], @Ctx() ctx: HubContext): Promise<void> {
    await this.supervision.receivePushes(ctx.manager, events);
  }

  @OnEvent(PushClaimRequestedV1.type)
  async claimRequested(
    @Payload() event: CloudEvent<PushClaimRequestedV1Payload>,
    @Ctx() ctx: HubContext,
  ): Promise<void> {
    await this.supervision.claimRequested(ctx.manager, event);
  }

  @OnEvent(OWN, { batch: true })
  async own(@Payload() events: CloudEvent[], @Ctx() ctx: HubContext): Promise<void> {
    await this.supervision.applyOwn(ctx.manager, events);
  }
}
