import { Body, Controller, Get, HttpCode, Param, Post, Query, UseGuards } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import { EntityManager } from 'typeorm';
import { AllowDepartments, AllowPeople, AssertedCaller, AssertionGuard, Caller } from '@hub/assertion';
import { DeadLettersRepository } from './dead-letters.repository';
import { DeadLettersService } from './dead-letters.service';
import { DeadLetterIdParams } from './dto/dead-letter-id.params';
import { ListDeadLettersQuery } from './dto/list-dead-letters.query';
import { DiscardDeadLetterDto, ReplayDeadLetterDto } from './dto/resolve-dead-letter.dto';
import { DeadLetterSummary, DeadLetterView, deadLetterSummary, deadLetterView } from './dead-letter.view';
import { filterOf } from './dto/filter-of';

/** The hub's operators, 信息化中心 (XXHZX): a dead letter holds another department's data. */
export const OPERATORS = 'XXHZX';

@Controller('v1/dead-letters')
@UseGuards(AssertionGuard)
@AllowDepartments(OPERATORS)
export class DeadLettersController {
  constructor(
    @InjectEntityManager() private readonly manager: EntityManager,
    private readonly deadLetters: DeadLettersService,
  ) {}

  /** Newest first; page with `before` = the last id seen. Without their messages: open one to see it. */
  @Get()
  @AllowPeople({ roles: ['operator', 'auditor'] })
  async list(@Query() query: ListDeadLettersQuery): Promise<DeadLetterSummary[]> {
    const letters = await DeadLettersRepository.list(this.manager, {
      ...filterOf(query),
      limit: query.limit,
      before: query.before,
    });
    return letters.map((letter) => deadLetterSummary(letter));
  }

  @Post(':id/replay')
  @AllowPeople({ roles: ['operator'] })
  @HttpCode(200)
  async replay(
    @Param() params: DeadLetterIdParams,
    @Body() body: ReplayDeadLetterDto,
    @Caller() operator: AssertedCaller,
  ): Promise<DeadLetterView> {
    return deadLetterView(await this.deadLetters.replay(params.id, operator, body.note));
  }

  @Post(':id/discard')
  @AllowPeople({ roles: ['operator'] })
  @HttpCode(200)
  async discard(
    @Param() params: DeadLetterIdParams,
    @Body() body: DiscardDeadLetterDto,
    @Caller() operator: AssertedCaller,
  ): Promise<DeadLetterView> {
    return deadLetterView(await this.deadLetters.discard(params.id, operator, body.note));
  }
}
