import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import {
  CloudEvent,
  EnterpriseDeregisteredV1,
  EnterpriseDeregisteredV1Payload,
  EnterpriseRegisteredV1,
  EnterpriseRegisteredV1Payload,
} from '@hub/contracts';
import { HubContext, OnEvent, RejectedMessage } from '@hub/messaging';
import { EnterpriseRepository } from './enterprise.repository';

/** Keeps the app's enterprise directory in step with the zone's register (events owned by the 审批局). */
@Controller()
export class EnterpriseDirectoryConsumer {
  @OnEvent(EnterpriseRegisteredV1.type, { batch: true })
  async registered(
    @Payload() events: CloudEvent<EnterpriseRegisteredV1Payload>[],
    @Ctx() ctx: HubContext,
  ): Promise<void> {
    await EnterpriseRepository.upsert(
      ctx.manager,
      events.map(({ id, data }) => ({
        uscc: data!.uscc,
        name: data!.name,
        legalRepresentative: data!.legalRepresentative,
        address: data!.address,
        industryCode: data!.industryCode,
        establishedOn: data!.establishedOn,
        // Absent or null (an older contract let null through): no capital on record.
        registeredCapitalYuan: data!.registeredCapitalYuan == null ? null : String(data!.registeredCapitalYuan),
        lastEventId: id,
      })),
    );
  }

  @OnEvent(EnterpriseDeregisteredV1.type)
  async deregistered(
    @Payload() event: CloudEvent<EnterpriseDeregisteredV1Payload>,
    @Ctx() ctx: HubContext,
  ): Promise<void> {
    const { uscc, deregisteredOn } = event.data!;
    const found = await EnterpriseRepository.deregister(ctx.manager, uscc, deregisteredOn, event.id);
    if (!found) {
      throw new RejectedMessage([
        { field: 'data.uscc', rule: 'registered', message: `enterprise ${uscc} is not in the directory` },
      ]);
    }
  }
}
