import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AssertedCaller } from '@hub/assertion';
import { OutboxWriter } from '@hub/messaging';
import { Clock } from '@hub/workdays';
import { assertLeads, assertState, planNotFound } from '../../plan-access';
import { PlanLocker } from '../../plan-locker';
import { Plan, PlansRepository } from '../../plans.repository';

/** 锁定: the leading department locks a draft plan; the commitment is published in the same transaction. */
@Injectable()
export class LockPlan {
  constructor(
    private readonly dataSource: DataSource,
    private readonly plans: PlansRepository,
    private readonly locker: PlanLocker,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
  ) {}

  async lock(caller: AssertedCaller, planId: string): Promise<Plan> {
    return this.dataSource.transaction(async (manager) => {
      const plan = await this.plans.find(manager, planId, true);
      if (!plan) throw planNotFound(planId);
      assertLeads(caller, plan, 'lock');
      assertState(plan, 'draft', 'locked');
      const event = await this.locker.lock(manager, plan, this.clock.now());
      await this.outbox.enqueue(manager, [event]);
      return (await this.plans.find(manager, planId))!;
    });
  }
}
