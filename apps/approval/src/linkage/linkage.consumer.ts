import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import {
  CloudEvent,
  DeadlineNoticeV1Payload,
  LicenceCancelledV1,
  LicenceChangedV1,
  LicenceDecisionBase,
  LicenceGrantedV1,
  LicencePushEscalatedV1,
  LicencePushOverdueV1,
  LicencePushRemindedV1,
  LicencePushedV1,
  LicencePushedV1Payload,
  LicenceRenewedV1,
  LicenceRevokedV1,
  PushActivityBase,
  PushClaimRefusedV1,
  PushClaimedV1,
  PushEscalatedV1,
  PushFedBackV1,
  PushOverdueV1,
  PushRemindedV1,
  PushReturnedV1,
  PushRevocationRequestedV1,
  PushSupervisedV1,
} from '@hub/contracts';
import { HubContext, OnEvent } from '@hub/messaging';
import { FeedbackService } from './feedback.service';
import { LinkageService } from './linkage.service';

const DECISIONS = [LicenceGrantedV1, LicenceChangedV1, LicenceRenewedV1, LicenceRevokedV1, LicenceCancelledV1].map(
  (d) => d.type,
);
const ACTIVITY = [
  PushClaimedV1,
  PushClaimRefusedV1,
  PushReturnedV1,
  PushSupervisedV1,
  PushFedBackV1,
  PushRevocationRequestedV1,
].map((d) => d.type);
const SUPERVISION_NOTICES = [PushRemindedV1, PushOverdueV1, PushEscalatedV1].map((d) => d.type);

/** The approval app's inputs: the 审批局's decisions, its own pushes and notices (for rebuilds), and the feedback. */
@Controller()
export class LinkageConsumer {
  constructor(
    private readonly linkage: LinkageService,
    private readonly feedback: FeedbackService,
  ) {}

  @OnEvent(DECISIONS, { batch: true })
  async decisions(@Payload() events: CloudEvent<LicenceDecisionBase>[], @Ctx() ctx: HubContext): Promise<void> {
    await this.linkage.receiveDecisions(
      ctx.manager,
      events,
      ctx.messages.map((m) => new Date(Number(m.timestamp))),
    );
  }

  @OnEvent(LicencePushedV1.type, { batch: true })
  async ownPushes(@Payload() events: CloudEvent<LicencePushedV1Payload>[], @Ctx() ctx: HubContext): Promise<void> {
    await this.linkage.applyOwnPushes(ctx.manager, events);
  }

  @OnEvent([LicencePushRemindedV1.type, LicencePushOverdueV1.type, LicencePushEscalatedV1.type])
  async ownNotices(@Payload() event: CloudEvent<DeadlineNoticeV1Payload>, @Ctx() ctx: HubContext): Promise<void> {
    const stage =
      event.type === LicencePushRemindedV1.type
        ? 'reminded'
        : event.type === LicencePushOverdueV1.type
          ? 'overdue'
          : 'escalated';
    await this.linkage.applyOwnNotices(ctx.manager, event, stage);
  }

  @OnEvent(ACTIVITY, { batch: true })
  async activity(@Payload() events: CloudEvent<PushActivityBase>[], @Ctx() ctx: HubContext): Promise<void> {
    await this.feedback.record(ctx.manager, events);
  }

  @OnEvent(SUPERVISION_NOTICES, { batch: true })
  async notices(@Payload() events: CloudEvent<DeadlineNoticeV1Payload>[], @Ctx() ctx: HubContext): Promise<void> {
    await this.feedback.recordNotices(ctx.manager, events);
  }
}
