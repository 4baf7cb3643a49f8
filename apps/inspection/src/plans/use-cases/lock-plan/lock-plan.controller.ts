import { Controller, HttpCode, Param, Post, UseGuards } from '@nestjs/common';
import { AllowPeople, AssertedCaller, AssertionGuard, Caller } from '@hub/assertion';
import { publicPlan } from '../read-plans/plan-views';
import { LockPlan } from './lock-plan.use-case';

@Controller('v1/plans')
@UseGuards(AssertionGuard)
export class LockPlanController {
  constructor(private readonly lockPlan: LockPlan) {}

  @Post(':id/lock')
  @HttpCode(200)
  @AllowPeople({ roles: ['supervisor'] })
  async lock(@Param('id') id: string, @Caller() caller: AssertedCaller) {
    return publicPlan(await this.lockPlan.lock(caller, id));
  }
}
