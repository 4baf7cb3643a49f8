import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { CloudEvent, PushClaimRequestedV1, PushClaimRequestedV1Payload } from '@hub/contracts';
import { HubContext, OnEvent } from '@hub/messaging';
import { AnswerClaimRequest } from './answer-claim-request.use-case';

/** Departments' claim requests through the gateway (push.claim-requested). */
@Controller()
export class AnswerClaimRequestConsumer {
  constructor(private readonly answerClaimRequest: AnswerClaimRequest) {}

  @OnEvent(PushClaimRequestedV1.type)
  async claimRequested(
    @Payload() event: CloudEvent<PushClaimRequestedV1Payload>,
    @Ctx() ctx: HubContext,
  ): Promise<void> {
    await this.answerClaimRequest.answer(ctx.manager, event);
  }
}
