import { Injectable } from '@nestjs/common';
import { IsString, Length } from 'class-validator';
import { DataSource } from 'typeorm';
import type { AssertedCaller } from '@hub/assertion';
import { createEvent, PlanDrawVoidedV1, TaskCancelledV1 } from '@hub/contracts';
import { OutboxWriter } from '@hub/messaging';
import { ProblemException } from '@hub/platform';
import { Clock } from '@hub/workdays';
import { assertLeads, planNotFound } from '../../plan-access';
import { PlanLocker, SOURCE } from '../../plan-locker';
import { Plan, PlansRepository } from '../../plans.repository';
import { TasksRepository } from '../../tasks.repository';

export class VoidDrawDto {
  /** Why (an unstaffed team, a conflict of interest found after the draw…): published with the record. */
  @Length(1, 1000)
  @IsString()
  reason!: string;
}

/**
 * 作废重抽: the leading department voids the plan's standing draw, with the reason. Its record stays as it was;
 * its tasks are cancelled (each department told); the plan is locked again from the directories as they are now,
 * with a new secret and commitment, so that the redraw — a new draw naming the voided one — is as verifiable as the
 * first. An unstaffed team is resolved this way, once the directories have the inspectors it lacked.
 */
@Injectable()
export class VoidDraw {
  constructor(
    private readonly dataSource: DataSource,
    private readonly plans: PlansRepository,
    private readonly tasks: TasksRepository,
    private readonly locker: PlanLocker,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
  ) {}

  async void(caller: AssertedCaller, drawId: string, dto: VoidDrawDto): Promise<Plan> {
    return this.dataSource.transaction(async (manager) => {
      const draw = await this.plans.findDraw(manager, drawId);
      if (!draw) throw new ProblemException(404, 'not-found', `no draw ${drawId}`);
      const plan = await this.plans.find(manager, draw.planId, true);
      if (!plan) throw planNotFound(draw.planId);
      assertLeads(caller, plan, 'void a draw of');
      if (draw.voidedAt !== null || plan.state !== 'drawn' || draw.lockNo !== plan.lockNo) {
        throw new ProblemException(409, 'conflict', `draw ${drawId} is not the standing draw of plan ${plan.id}`);
      }
      const now = this.clock.now();
      await this.plans.voidDraw(manager, drawId, dto.reason, caller.subject, now);
      const cancelled = await this.tasks.cancelOfDraw(manager, drawId);
      const voided = createEvent(
        PlanDrawVoidedV1,
        { planId: plan.id, drawId, reason: dto.reason, actor: caller.subject, voidedAt: now.toISOString() },
        { source: SOURCE },
      );
      const notices = cancelled.map((t) =>
        createEvent(
          TaskCancelledV1,
          {
            taskId: t.id,
            planId: t.planId,
            drawId,
            uscc: t.uscc,
            department: t.department,
            reason: dto.reason,
          },
          { source: SOURCE, causationid: voided.id },
        ),
      );
      const relocked = await this.locker.lock(manager, plan, now, voided.id);
      await this.outbox.enqueue(manager, [voided, ...notices, relocked]);
      return (await this.plans.find(manager, plan.id))!;
    });
  }
}
