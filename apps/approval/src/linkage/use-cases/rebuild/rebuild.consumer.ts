import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import {
  CloudEvent,
  DeadlineNoticeV1Payload,
  LicencePushEscalatedV1,
  LicencePushOverdueV1,
  LicencePushRemindedV1,
  LicencePushedV1,
  LicencePushedV1Payload,
} from '@hub/contracts';
import { HubContext, OnEvent } from '@hub/messaging';
import { Rebuild } from './rebuild.use-case';

/** The app's own pushes and push-deadline notices read back (a no-op live, the rebuild on a replay). */
@Controller()
export class RebuildConsumer {
  constructor(private readonly rebuild: Rebuild) {}

  @OnEvent(LicencePushedV1.type, { batch: true })
  async ownPushes(@Payload() events: CloudEvent<LicencePushedV1Payload>[], @Ctx() ctx: HubContext): Promise<void> {
    await this.rebuild.applyPushes(ctx.manager, events);
  }

  @OnEvent([LicencePushRemindedV1.type, LicencePushOverdueV1.type, LicencePushEscalatedV1.type])
  async ownNotices(@Payload() event: CloudEvent<DeadlineNoticeV1Payload>, @Ctx() ctx: HubContext): Promise<void> {
    const stage =
      event.type === LicencePushRemindedV1.type
        ? 'reminded'
        : event.type === LicencePushOverdueV1.type
          ? 'overdue'
          : 'escalated';
    await this.rebuild.applyNotice(ctx.manager, event, stage);
  }
}
