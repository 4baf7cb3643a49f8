import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, UseGuards } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AllowDepartments, AllowPeople, AssertedCaller, AssertionGuard, Caller } from '@hub/assertion';
import { ProblemException } from '@hub/platform';
import { DeadLetterAudit, PAYLOAD_ROLES, PayloadVisibilities } from './dead-letter-audit';
import { OPERATORS } from './dead-letters.controller';
import { DeadLettersRepository } from './dead-letters.repository';
import { DeadLettersService, ReplayOutcome } from './dead-letters.service';
import { DeadLetterView, DeadLetterWithoutValue, deadLetterSummary, deadLetterView } from './dead-letter.view';
import { DeadLetterIdParams } from './dto/dead-letter-id.params';
import { ListActionsQuery } from './dto/list-actions.query';
import { filterOf } from './dto/filter-of';
import { PayloadVisibilityDto } from './dto/payload-visibility.dto';
import { ReplayDeadLettersDto } from './dto/replay-dead-letters.dto';
import { DeadLetterAction } from './entities/dead-letter-action.entity';
import { PayloadVisibility } from './entities/payload-visibility.entity';

/**
 * One letter opened (its payload masked, and the opening recorded), replays of many, the record of every action
 * for auditors, and the administrators' setting of which roles may open payloads at all.
 */
@Controller('v1/dead-letters')
@UseGuards(AssertionGuard)
@AllowDepartments(OPERATORS)
export class DeadLetterOperationsController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly deadLetters: DeadLettersService,
  ) {}

  @Get('actions')
  @AllowPeople({ roles: ['operator', 'auditor', 'admin'] })
  actions(@Query() query: ListActionsQuery): Promise<DeadLetterAction[]> {
    return DeadLetterAudit.list(this.dataSource.manager, {
      deadLetterId: query.letter,
      limit: query.limit,
      before: query.before,
    });
  }

  @Get('payload-visibility')
  @AllowPeople({ roles: ['operator', 'auditor', 'admin'] })
  async visibility(): Promise<{ role: string; visibility: PayloadVisibility }[]> {
    const settings = await PayloadVisibilities.all(this.dataSource.manager);
    return PAYLOAD_ROLES.map((role) => ({
      role,
      visibility: settings.find((s) => s.role === role)?.visibility ?? 'masked',
    }));
  }

  @Put('payload-visibility')
  @AllowPeople({ roles: ['admin'] })
  async setVisibility(
    @Body() body: PayloadVisibilityDto,
    @Caller() admin: AssertedCaller,
  ): Promise<{ role: string; visibility: PayloadVisibility }> {
    await this.dataSource.transaction((manager) => PayloadVisibilities.set(manager, body.role, body.visibility, admin));
    return { role: body.role, visibility: body.visibility };
  }

  @Post('replay')
  @AllowPeople({ roles: ['operator'] })
  @HttpCode(200)
  replayMany(@Body() body: ReplayDeadLettersDto, @Caller() operator: AssertedCaller): Promise<ReplayOutcome> {
    if ((body.ids === undefined) === (body.filter === undefined)) {
      const message = 'give either ids (the letters chosen) or filter (every open letter it matches), not both';
      throw new ProblemException(400, 'invalid-request', message, [{ field: 'ids', rule: 'idsOrFilter', message }]);
    }
    const selection = body.ids ? { ids: body.ids } : { filter: filterOf(body.filter!) };
    return this.deadLetters.replayMany(selection, operator, body.note);
  }

  /** The letter with its message: masked, or none for a caller whose roles may not open payloads; recorded. */
  @Get(':id')
  @AllowPeople({ roles: ['operator', 'auditor'] })
  async open(
    @Param() params: DeadLetterIdParams,
    @Caller() caller: AssertedCaller,
  ): Promise<DeadLetterView | DeadLetterWithoutValue> {
    return this.dataSource.transaction(async (manager) => {
      const letter = await DeadLettersRepository.find(manager, params.id);
      if (!letter) throw new ProblemException(404, 'not-found', `there is no dead letter ${params.id}`);
      if ((await PayloadVisibilities.of(manager, caller.roles)) === 'off') {
        return { ...deadLetterSummary(letter), value: { encoding: 'hidden' } };
      }
      await DeadLetterAudit.record(manager, caller, 'viewed', letter.id);
      return deadLetterView(letter);
    });
  }
}
