import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import {
  CloudEvent,
  LicenceCancelledV1,
  LicenceDecisionBase,
  LicenceGrantedV1,
  LicenceRevokedV1,
} from '@hub/contracts';
import { HubContext, OnEvent } from '@hub/messaging';
import { ReceiveGrants } from './receive-grants.use-case';

/** The 审批局's grants, revocations and cancellations of licences, in batches. */
@Controller()
export class ReceiveGrantsConsumer {
  constructor(private readonly grants: ReceiveGrants) {}

  @OnEvent([LicenceGrantedV1.type, LicenceRevokedV1.type, LicenceCancelledV1.type], { batch: true })
  async decisions(@Payload() events: CloudEvent<LicenceDecisionBase>[], @Ctx() ctx: HubContext): Promise<void> {
    await this.grants.receive(ctx.manager, events);
  }
}
