import { Controller, Get, Param, ParseIntPipe, Query, UseGuards } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AllowPeople, AssertionGuard } from '@hub/assertion';
import { Clock, cstDate } from '@hub/workdays';
import { READERS } from '../../../people';
import { TasksRepository } from '../../tasks.repository';

/** 规范涉企行政检查: every inspection one enterprise had in a year, across all departments. */
@Controller('v1/targets')
@UseGuards(AssertionGuard)
export class ReadFrequencyController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tasks: TasksRepository,
    private readonly clock: Clock,
  ) {}

  @Get(':uscc/inspections')
  @AllowPeople({ roles: READERS })
  async inspections(@Param('uscc') uscc: string, @Query('year', new ParseIntPipe({ optional: true })) year?: number) {
    const of = year ?? Number(cstDate(this.clock.now()).slice(0, 4));
    const inspections = await this.tasks.inspectionsOf(this.dataSource.manager, uscc.toUpperCase(), of);
    return { uscc: uscc.toUpperCase(), year: of, visits: new Set(inspections.map((i) => i.planId)).size, inspections };
  }
}
