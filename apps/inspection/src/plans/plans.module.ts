import { Module } from '@nestjs/common';
import { DirectoriesModule } from '../directories/directories.module';
import { PlanLocker } from './plan-locker';
import { PlansRepository } from './plans.repository';
import { TasksRepository } from './tasks.repository';
import { CreatePlanController } from './use-cases/create-plan/create-plan.controller';
import { CreatePlan } from './use-cases/create-plan/create-plan.use-case';
import { DrawPlanController } from './use-cases/draw-plan/draw-plan.controller';
import { DrawPlan } from './use-cases/draw-plan/draw-plan.use-case';
import { LockPlanController } from './use-cases/lock-plan/lock-plan.controller';
import { LockPlan } from './use-cases/lock-plan/lock-plan.use-case';
import { ReadFrequencyController } from './use-cases/read-frequency/read-frequency.controller';
import { ReadPlansController } from './use-cases/read-plans/read-plans.controller';
import { ReadPlans } from './use-cases/read-plans/read-plans.use-case';
import { VoidDrawController } from './use-cases/void-draw/void-draw.controller';
import { VoidDraw } from './use-cases/void-draw/void-draw.use-case';

/** 抽查计划, 锁定, 摇号, 作废重抽, 抽查任务: the verifiable draws (SSGK-DRAW-1) and the tasks they make. */
@Module({
  imports: [DirectoriesModule],
  controllers: [
    CreatePlanController,
    LockPlanController,
    DrawPlanController,
    VoidDrawController,
    ReadPlansController,
    ReadFrequencyController,
  ],
  providers: [PlansRepository, TasksRepository, PlanLocker, CreatePlan, LockPlan, DrawPlan, VoidDraw, ReadPlans],
  exports: [PlansRepository, TasksRepository, ReadPlans, DirectoriesModule],
})
export class PlansModule {}
