import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import {
  CloudEvent,
  DeadlineNoticeV1Payload,
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
import { RecordFeedback } from './record-feedback.use-case';

const ACTIVITY = [
  PushClaimedV1,
  PushClaimRefusedV1,
  PushReturnedV1,
  PushSupervisedV1,
  PushFedBackV1,
  PushRevocationRequestedV1,
].map((d) => d.type);
const SUPERVISION_NOTICES = [PushRemindedV1, PushOverdueV1, PushEscalatedV1].map((d) => d.type);

/** The supervising departments' acts and the supervision app's deadline notices, for the approvals' timelines. */
@Controller()
export class RecordFeedbackConsumer {
  constructor(private readonly feedback: RecordFeedback) {}

  @OnEvent(ACTIVITY, { batch: true })
  async activity(@Payload() events: CloudEvent<PushActivityBase>[], @Ctx() ctx: HubContext): Promise<void> {
    await this.feedback.record(ctx.manager, events);
  }

  @OnEvent(SUPERVISION_NOTICES, { batch: true })
  async notices(@Payload() events: CloudEvent<DeadlineNoticeV1Payload>[], @Ctx() ctx: HubContext): Promise<void> {
    await this.feedback.recordNotices(ctx.manager, events);
  }
}
