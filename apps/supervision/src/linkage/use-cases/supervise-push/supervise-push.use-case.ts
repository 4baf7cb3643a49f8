import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import {
  CloudEvent,
  PushFedBackV1,
  PushRevocationRequestedV1,
  PushSupervisedV1,
  PushSupervisedV1Payload,
  createEvent,
} from '@hub/contracts';
import { OutboxWriter } from '@hub/messaging';
import { ProblemException } from '@hub/platform';
import { Clock } from '@hub/workdays';
import { SupervisionAction } from '../../entities/supervision-action.entity';
import { receivedPush, SOURCE } from '../../push-rows';
import { SupervisionRepository } from '../../supervision.repository';
import { SuperviseDto } from './supervise.dto';
import { callsForRevocation, EFFECTS } from './supervision.rules';

/**
 * 监管、互反馈: a department records a supervision action on a push it claimed and its result; the result is fed
 * back to the 审批局, and one that calls for it (a false commitment) asks the 审批局 to revoke the licence.
 */
@Injectable()
export class SupervisePush {
  constructor(
    private readonly dataSource: DataSource,
    private readonly pushes: SupervisionRepository,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
  ) {}

  async supervise(department: string, dto: SuperviseDto): Promise<SupervisionAction> {
    return this.dataSource.transaction(async (manager) => {
      const row = await receivedPush(this.pushes, manager, dto.approvalId, department);
      if (row.state !== 'claimed' && row.state !== 'supervised') {
        throw new ProblemException(
          409,
          'conflict',
          `approval ${dto.approvalId} must be claimed by ${department} before it is supervised`,
        );
      }
      const at = dto.at ?? this.clock.now().toISOString();
      const actionId = randomUUID();
      const common = {
        uscc: row.uscc,
        approvalId: row.approvalId,
        pushId: row.pushId!,
        department,
        actor: dto.actor,
        at,
      };
      const supervised = createEvent(
        PushSupervisedV1,
        { ...common, actionId, action: dto.action, result: dto.result, findings: dto.findings },
        { source: SOURCE, id: randomUUID() },
      );
      const events: CloudEvent[] = [
        supervised,
        createEvent(
          PushFedBackV1,
          { ...common, actionId, result: dto.result, affects: EFFECTS[dto.result], summary: dto.findings },
          { source: SOURCE, id: randomUUID(), causationid: supervised.id },
        ),
      ];
      let requestId: string | null = null;
      if (callsForRevocation(dto.result)) {
        requestId = randomUUID();
        events.push(
          createEvent(
            PushRevocationRequestedV1,
            { ...common, requestId, actionId, licenceNo: row.licenceNo!, reason: dto.findings },
            { source: SOURCE, id: randomUUID(), causationid: supervised.id },
          ),
        );
      }
      const action = await recordSupervision(this.pushes, manager, supervised.data!, requestId);
      await this.outbox.enqueue(manager, events);
      return action;
    });
  }
}

/**
 * Records a supervision action (push.supervised) and marks the push supervised, from its first action on; an
 * action recorded already changes nothing.
 */
export async function recordSupervision(
  pushes: SupervisionRepository,
  manager: EntityManager,
  d: PushSupervisedV1Payload,
  requestId: string | null,
): Promise<SupervisionAction> {
  const action: SupervisionAction = {
    actionId: d.actionId,
    approvalId: d.approvalId,
    department: d.department,
    uscc: d.uscc,
    action: d.action,
    result: d.result,
    findings: d.findings,
    actor: d.actor,
    at: new Date(d.at),
    revocationRequestId: requestId,
  };
  if (await pushes.addAction(manager, action)) {
    const row = await pushes.find(manager, d.approvalId, d.department);
    await pushes.update(manager, d.approvalId, d.department, {
      state: 'supervised',
      supervisedAt: row?.supervisedAt ?? action.at,
      lastResult: d.result,
      noticeLimit: null,
      nextNoticeAt: null,
    });
  }
  return action;
}
