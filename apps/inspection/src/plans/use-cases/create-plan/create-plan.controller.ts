import { Body, Controller, Post, UseGuards } from '@nestjs/common';
import { AllowPeople, AssertedCaller, AssertionGuard, Caller } from '@hub/assertion';
import { CreatePlanDto } from './plan.dto';
import { CreatePlan } from './create-plan.use-case';

/** 抽查计划: a supervisor of the leading department makes it. */
@Controller('v1/plans')
@UseGuards(AssertionGuard)
export class CreatePlanController {
  constructor(private readonly createPlan: CreatePlan) {}

  @Post()
  @AllowPeople({ roles: ['supervisor'], ownDepartment: true })
  create(@Body() dto: CreatePlanDto, @Caller() caller: AssertedCaller) {
    return this.createPlan.create(caller, dto);
  }
}
