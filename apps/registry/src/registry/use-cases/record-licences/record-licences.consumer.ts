import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import {
  CloudEvent,
  ELicenceCancelledV1,
  ELicenceChangedV1,
  ELicenceExpiredV1,
  ELicenceIssuedV1,
  ELicenceRenewedV1,
  ELicenceRevokedV1,
  ELicenceSuspendedV1,
} from '@hub/contracts';
import { HubContext, OnEvent } from '@hub/messaging';
import { RecordLicences } from './record-licences.use-case';

export const E_LICENCE_TYPES = [
  ELicenceIssuedV1,
  ELicenceChangedV1,
  ELicenceRenewedV1,
  ELicenceSuspendedV1,
  ELicenceExpiredV1,
  ELicenceRevokedV1,
  ELicenceCancelledV1,
].map((d) => d.type);

/** The issuing departments' e-licences and their lifecycle, in batches. */
@Controller()
export class RecordLicencesConsumer {
  constructor(private readonly licences: RecordLicences) {}

  @OnEvent(E_LICENCE_TYPES, { batch: true })
  async licence(@Payload() events: CloudEvent[], @Ctx() ctx: HubContext): Promise<void> {
    await this.licences.record(ctx.manager, events, ctx.messages);
  }
}
