import { Controller, DefaultValuePipe, Get, Param, ParseIntPipe, Query, UseGuards } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AllowPeople, AssertionGuard } from '@hub/assertion';
import { ProblemException } from '@hub/platform';
import { READERS } from '../../../people';
import { TargetsRepository, TargetView } from '../../targets.repository';

/** The target directory (检查对象名录库) for the departments: by code or part of the name. */
@Controller('v1/targets')
@UseGuards(AssertionGuard)
export class ReadTargetsController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly targets: TargetsRepository,
  ) {}

  @Get()
  @AllowPeople({ roles: READERS })
  search(
    @Query('q', new DefaultValuePipe('')) q: string,
    @Query('limit', new DefaultValuePipe(50), ParseIntPipe) limit: number,
    @Query('offset', new DefaultValuePipe(0), ParseIntPipe) offset: number,
  ): Promise<TargetView[]> {
    return this.targets.search(this.dataSource.manager, q, Math.min(Math.max(limit, 1), 500), Math.max(offset, 0));
  }

  @Get(':uscc')
  @AllowPeople({ roles: READERS })
  async find(@Param('uscc') uscc: string): Promise<TargetView> {
    const target = await this.targets.find(this.dataSource.manager, uscc.toUpperCase());
    if (!target) throw new ProblemException(404, 'not-found', `enterprise ${uscc} is not in the target directory`);
    return target;
  }
}
