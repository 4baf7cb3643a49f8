import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { PushReturnedV1, PushReturnedV1Payload, createEvent } from '@hub/contracts';
import { OutboxWriter } from '@hub/messaging';
import { ProblemException } from '@hub/platform';
import { Clock } from '@hub/workdays';
import { SupervisedPush } from '../../entities/supervised-push.entity';
import { NOT_HELD, receivedPush, SOURCE } from '../../push-rows';
import { SupervisionRepository } from '../../supervision.repository';
import { ReturnDto } from './return.dto';

/**
 * 退回: a department returns a push that is not its to supervise, with a reason (and the department it thinks is);
 * the coordinator re-routes it (approval app). Returning again changes nothing; a supervised push is not returned.
 */
@Injectable()
export class ReturnPush {
  constructor(
    private readonly dataSource: DataSource,
    private readonly pushes: SupervisionRepository,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
  ) {}

  async returnPush(department: string, dto: ReturnDto): Promise<SupervisedPush> {
    return this.dataSource.transaction(async (manager) => {
      const row = await receivedPush(this.pushes, manager, dto.approvalId, department);
      if (row.state === 'returned') return row;
      if (row.state === 'supervised')
        throw new ProblemException(
          409,
          'conflict',
          `approval ${dto.approvalId} is already supervised by ${department}`,
        );
      const event = createEvent(
        PushReturnedV1,
        {
          uscc: row.uscc,
          approvalId: row.approvalId,
          pushId: row.pushId!,
          department,
          actor: dto.actor,
          at: this.clock.now().toISOString(),
          reason: dto.reason,
          ...(dto.suggestedDepartment ? { suggestedDepartment: dto.suggestedDepartment } : {}),
        },
        { source: SOURCE, id: randomUUID() },
      );
      await this.pushes.update(manager, row.approvalId, department, returnEffect(event.data!));
      await this.outbox.enqueue(manager, [event]);
      return (await this.pushes.find(manager, dto.approvalId, department))!;
    });
  }
}

/**
 * What a return (push.returned) does to the department's row: returned, no more notices, and no claim held (a replay
 * may meet a claim request before the return given live, whose answer read back is the refusal).
 */
export function returnEffect(d: PushReturnedV1Payload): Partial<SupervisedPush> {
  return { ...NOT_HELD, state: 'returned', returnedAt: new Date(d.at), noticeLimit: null, nextNoticeAt: null };
}
