import { Controller, DefaultValuePipe, Get, Param, ParseIntPipe, Query, UseGuards } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AllowPublic, AssertionGuard } from '@hub/assertion';
import { RESULT_CATEGORY_LABELS } from '@hub/contracts';
import { Clock, cstDate } from '@hub/workdays';
import { TargetsRepository } from '../directories/targets.repository';
import { TasksRepository } from '../plans/tasks.repository';
import { ReadPlans } from '../plans/use-cases/read-plans/read-plans.use-case';
import { publicTarget } from './public-views';

/**
 * 一公开: what anyone may read, through the door (`GET /v1/inspection/public/…`) with no sign-in: the plans once
 * locked (commitment and candidate digest before the draw), every draw record, the published results, and the
 * enterprises by name or code with their inspections. Inspectors appear by name and certificate number only; an
 * individual business's operator is masked.
 */
@Controller('v1/public')
@UseGuards(AssertionGuard)
@AllowPublic()
export class PublicController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly readPlans: ReadPlans,
    private readonly tasks: TasksRepository,
    private readonly targets: TargetsRepository,
    private readonly clock: Clock,
  ) {}

  @Get('plans')
  plans(@Query('year', new ParseIntPipe({ optional: true })) year?: number) {
    return this.readPlans.list({ year, states: ['locked', 'drawn'] });
  }

  @Get('plans/:id')
  plan(@Param('id') id: string) {
    return this.readPlans.plan(id, { publishedOnly: true });
  }

  @Get('draws')
  draws() {
    return this.readPlans.draws();
  }

  @Get('draws/:id')
  draw(@Param('id') id: string) {
    return this.readPlans.draw(id);
  }

  @Get('results')
  async results(
    @Query('q') q?: string,
    @Query('planId') planId?: string,
    @Query('limit', new DefaultValuePipe(100), ParseIntPipe) limit = 100,
  ) {
    const rows = await this.tasks.published(this.dataSource.manager, { q: q || undefined, planId }, clamp(limit));
    return rows.map(({ inspectors, state: _state, createdAt: _createdAt, ...r }) => ({
      ...r,
      categoryLabel: RESULT_CATEGORY_LABELS[r.category as keyof typeof RESULT_CATEGORY_LABELS],
      inspectors,
    }));
  }

  /** Enterprises by code or part of the name, each with its inspections this year (and published results). */
  @Get('targets')
  async search(
    @Query('q', new DefaultValuePipe('')) q: string,
    @Query('year', new ParseIntPipe({ optional: true })) year?: number,
  ) {
    if (q.trim().length < 2) return [];
    const of = year ?? Number(cstDate(this.clock.now()).slice(0, 4));
    const found = await this.targets.search(this.dataSource.manager, q.trim(), 50);
    return Promise.all(
      found.map(async (t) => ({
        ...publicTarget(t),
        inspections: (await this.tasks.inspectionsOf(this.dataSource.manager, t.uscc, of)).map((i) => ({
          taskId: i.id,
          planId: i.planId,
          planTitle: i.planTitle,
          drawId: i.drawId,
          department: i.department,
          inspectors: i.inspectors,
          result: i.publishedAt === null || i.category === null ? null : { category: i.category, resultOn: i.resultOn },
        })),
      })),
    );
  }
}

function clamp(limit: number): number {
  return Math.min(Math.max(limit, 1), 500);
}
