import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ProblemException } from '@hub/platform';
import { TargetsRepository } from '../../../directories/targets.repository';
import { planNotFound } from '../../plan-access';
import { PlansRepository, type PlanState } from '../../plans.repository';
import { TasksRepository } from '../../tasks.repository';
import { drawSummary, publicDraw, publicPlan } from './plan-views';

/** Plans and draws as they are read, by the departments and (what may be published) by anyone. */
@Injectable()
export class ReadPlans {
  constructor(
    private readonly dataSource: DataSource,
    private readonly plans: PlansRepository,
    private readonly tasks: TasksRepository,
    private readonly targets: TargetsRepository,
  ) {}

  async list(filter: { year?: number; department?: string; states?: PlanState[] }) {
    return (await this.plans.list(this.dataSource.manager, filter)).map(publicPlan);
  }

  /** A plan with its exclusions (and why), its draws and its completion rate. */
  async plan(id: string, options: { publishedOnly?: boolean } = {}) {
    const m = this.dataSource.manager;
    const plan = await this.plans.find(m, id);
    if (!plan || (options.publishedOnly && plan.state === 'draft')) throw planNotFound(id);
    const exclusions = await this.plans.exclusions(m, id, plan.lockNo);
    const names = await this.targets.findMany(
      m,
      exclusions.map((e) => e.uscc),
    );
    return {
      ...publicPlan(plan),
      exclusions: exclusions.map((e) => ({ ...e, name: names.get(e.uscc)?.name ?? null })),
      draws: (await this.plans.drawsOf(m, id)).map(drawSummary),
      completion: await this.tasks.completion(m, id),
    };
  }

  async draws(limit = 200) {
    return (await this.plans.listDraws(this.dataSource.manager, limit)).map(drawSummary);
  }

  async draw(id: string) {
    const draw = await this.plans.findDraw(this.dataSource.manager, id);
    if (!draw) throw new ProblemException(404, 'not-found', `no draw ${id}`);
    return publicDraw(draw);
  }
}
