import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { CloudEvent, ResultReportedV1, ResultReportedV1Payload } from '@hub/contracts';
import { HubContext, OnEvent, RejectedMessage } from '@hub/messaging';
import { RecordResult } from './record-result.use-case';

/** Results the departments' systems report through the gateway; one not theirs is dead-lettered with the reason. */
@Controller()
export class RecordResultConsumer {
  constructor(private readonly recordResult: RecordResult) {}

  @OnEvent(ResultReportedV1.type)
  async reported(@Payload() event: CloudEvent<ResultReportedV1Payload>, @Ctx() ctx: HubContext): Promise<void> {
    const { taskId, department, ...report } = event.data!;
    // The gateway let the publisher write only its own department: the payload must name the same one.
    if (event.department !== department) {
      throw new RejectedMessage([
        {
          field: 'data.department',
          rule: 'matchesPublisher',
          message: `department must be ${String(event.department)}, the publisher's own, not ${department}`,
        },
      ]);
    }
    const refusals = await this.recordResult.record(ctx.manager, taskId, department, report, {
      actor: event.source,
      channel: 'system',
    });
    if (refusals.length > 0) {
      throw new RejectedMessage(refusals.map((r) => ({ ...r, field: `data.${r.field}` })));
    }
  }
}
