import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import {
  CloudEvent,
  EnterpriseDeregisteredV1,
  EnterpriseDeregisteredV1Payload,
  EnterpriseRegisteredV1,
  EnterpriseRegisteredV1Payload,
  LicenceCancelledV1,
  LicenceChangedV1,
  LicenceDecisionBase,
  LicenceGrantedV1,
  LicenceRenewedV1,
  LicenceRevokedV1,
  RiskClassGradedV1,
  RiskClassGradedV1Payload,
} from '@hub/contracts';
import { HubContext, OnEvent } from '@hub/messaging';
import { ReceiveRegister } from './receive-register.use-case';

type Decisions = CloudEvent<LicenceDecisionBase>[];

/** The register's events and the risk grading, in batches, into the target directory. */
@Controller()
export class ReceiveRegisterConsumer {
  constructor(private readonly register: ReceiveRegister) {}

  @OnEvent(EnterpriseRegisteredV1.type, { batch: true })
  async registered(@Payload() events: CloudEvent<EnterpriseRegisteredV1Payload>[], @Ctx() ctx: HubContext) {
    await this.register.registered(ctx.manager, events);
  }

  @OnEvent(EnterpriseDeregisteredV1.type)
  async deregistered(@Payload() event: CloudEvent<EnterpriseDeregisteredV1Payload>, @Ctx() ctx: HubContext) {
    await this.register.deregistered(ctx.manager, event.data!.uscc, event.data!.deregisteredOn);
  }

  @OnEvent(LicenceGrantedV1.type, { batch: true })
  async granted(@Payload() events: Decisions, @Ctx() ctx: HubContext) {
    await this.register.licences(ctx.manager, 'granted', events);
  }

  @OnEvent(LicenceChangedV1.type, { batch: true })
  async changed(@Payload() events: Decisions, @Ctx() ctx: HubContext) {
    await this.register.licences(ctx.manager, 'changed', events);
  }

  @OnEvent(LicenceRenewedV1.type, { batch: true })
  async renewed(@Payload() events: Decisions, @Ctx() ctx: HubContext) {
    await this.register.licences(ctx.manager, 'renewed', events);
  }

  @OnEvent(LicenceRevokedV1.type, { batch: true })
  async revoked(@Payload() events: Decisions, @Ctx() ctx: HubContext) {
    await this.register.licences(ctx.manager, 'revoked', events);
  }

  @OnEvent(LicenceCancelledV1.type, { batch: true })
  async cancelled(@Payload() events: Decisions, @Ctx() ctx: HubContext) {
    await this.register.licences(ctx.manager, 'cancelled', events);
  }

  @OnEvent(RiskClassGradedV1.type, { batch: true })
  async graded(@Payload() events: CloudEvent<RiskClassGradedV1Payload>[], @Ctx() ctx: HubContext) {
    await this.register.graded(ctx.manager, events);
  }
}
