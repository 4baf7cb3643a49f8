import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import {
  CloudEvent,
  LicenceCancelledV1,
  LicenceChangedV1,
  LicenceGrantedV1,
  LicenceRenewedV1,
  LicenceRevokedV1,
} from '@hub/contracts';
import { HubContext, OnEvent } from '@hub/messaging';
import { DecisionData, ReceiveDecision } from './receive-decision.use-case';

const DECISIONS = [LicenceGrantedV1, LicenceChangedV1, LicenceRenewedV1, LicenceRevokedV1, LicenceCancelledV1].map(
  (d) => d.type,
);

/** The 审批局's licence decisions, in batches. */
@Controller()
export class ReceiveDecisionConsumer {
  constructor(private readonly receiveDecision: ReceiveDecision) {}

  @OnEvent(DECISIONS, { batch: true })
  async decisions(@Payload() events: CloudEvent<DecisionData>[], @Ctx() ctx: HubContext): Promise<void> {
    await this.receiveDecision.receive(
      ctx.manager,
      events,
      ctx.messages.map((m) => new Date(Number(m.timestamp))),
    );
  }
}
