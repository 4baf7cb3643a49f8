import { Controller, Get, Param, ParseIntPipe, Query, UseGuards } from '@nestjs/common';
import { AllowPeople, AssertedCaller, AssertionGuard, Caller } from '@hub/assertion';
import { ProblemException } from '@hub/platform';
import { mayActFor, READERS } from '../../../people';
import { TasksRepository } from '../../tasks.repository';
import { DataSource } from 'typeorm';
import { ReadPlans } from './read-plans.use-case';

/** Plans, draws and tasks for the departments (and 信息化中心's operators, auditors and admins). */
@Controller('v1')
@UseGuards(AssertionGuard)
@AllowPeople({ roles: READERS })
export class ReadPlansController {
  constructor(
    private readonly readPlans: ReadPlans,
    private readonly dataSource: DataSource,
    private readonly tasks: TasksRepository,
  ) {}

  @Get('plans')
  list(@Query('year', new ParseIntPipe({ optional: true })) year?: number, @Query('department') department?: string) {
    return this.readPlans.list({ year, department });
  }

  @Get('plans/:id')
  plan(@Param('id') id: string) {
    return this.readPlans.plan(id);
  }

  @Get('draws/:id')
  draw(@Param('id') id: string) {
    return this.readPlans.draw(id);
  }

  /** A department's tasks (its own; 信息化中心's readers name any department). */
  @Get('tasks')
  tasksOf(
    @Caller() caller: AssertedCaller,
    @Query('department') department?: string,
    @Query('planId') planId?: string,
    @Query('state') state?: string,
  ) {
    const of = department ?? caller.department;
    if (!mayActFor(caller, of, true)) {
      throw new ProblemException(403, 'forbidden', `the tasks of ${of} are for ${of} (and 信息化中心's readers)`);
    }
    return this.tasks.list(this.dataSource.manager, { department: of, planId, state });
  }
}
