import { Body, Controller, Get, HttpCode, Param, Post, Query, UseGuards } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AllowPeople, AssertedCaller, AssertionGuard, Caller } from '@hub/assertion';
import { ProblemException } from '@hub/platform';
import { cstDate, Clock } from '@hub/workdays';
import { mayActFor, READERS } from '../../../people';
import { TasksRepository } from '../../../plans/tasks.repository';
import { ResultDto } from './result.dto';
import { RecordResult, refusalProblem } from './record-result.use-case';

/** Results through the API: a supervisor of the task's department enters and publishes them. */
@Controller('v1')
@UseGuards(AssertionGuard)
export class RecordResultController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly recordResult: RecordResult,
    private readonly tasks: TasksRepository,
    private readonly clock: Clock,
  ) {}

  @Post('tasks/:id/result')
  @HttpCode(200)
  @AllowPeople({ roles: ['supervisor'] })
  async record(@Param('id') id: string, @Body() dto: ResultDto, @Caller() caller: AssertedCaller) {
    await this.dataSource.transaction(async (manager) => {
      const refusals = await this.recordResult.record(manager, id, caller.department, dto, {
        actor: caller.subject,
        channel: caller.kind === 'person' ? 'person' : 'system',
      });
      if (refusals.length > 0) throw refusalProblem(refusals);
    });
    return this.tasks.findResult(this.dataSource.manager, id);
  }

  @Post('tasks/:id/publication')
  @HttpCode(200)
  @AllowPeople({ roles: ['supervisor'] })
  publish(@Param('id') id: string, @Caller() caller: AssertedCaller) {
    return this.recordResult.publish(id, caller.department);
  }

  /** Results past their publication deadline and not published, of a department (its own, or any for 信息化中心). */
  @Get('results/overdue')
  @AllowPeople({ roles: READERS })
  overdue(@Caller() caller: AssertedCaller, @Query('department') department?: string) {
    const of = department ?? caller.department;
    if (!mayActFor(caller, of, true)) {
      throw new ProblemException(403, 'forbidden', `the results of ${of} are for ${of} (and 信息化中心's readers)`);
    }
    return this.tasks.overdue(this.dataSource.manager, cstDate(this.clock.now()), of);
  }
}
