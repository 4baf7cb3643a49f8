import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { FieldError, ResultReportedV1Payload } from '@hub/contracts';
import { ProblemException } from '@hub/platform';
import { Clock, WorkdayCalendar } from '@hub/workdays';
import { Result, Task, TasksRepository } from '../../../plans/tasks.repository';
import { publicationDueOn } from '../../publication.rules';
import { ResultDto } from './result.dto';

export type ResultChannel = Result['channel'];

/** Why a result cannot be taken for the task, by field and rule; none when it can. */
export function resultRefusals(
  task: Task | null,
  department: string,
  report: Pick<ResultReportedV1Payload, 'taskId' | 'uscc' | 'planId' | 'drawId'> | { taskId: string },
): FieldError[] {
  if (!task) return [{ field: 'taskId', rule: 'knownTask', message: `no inspection task ${report.taskId}` }];
  const errors: FieldError[] = [];
  if (task.department !== department) {
    errors.push({
      field: 'department',
      rule: 'ownTask',
      message: `task ${task.id} is ${task.department}'s: ${department} reports only its own tasks`,
    });
  }
  if (task.state === 'cancelled') {
    errors.push({ field: 'taskId', rule: 'openTask', message: `task ${task.id} was cancelled (its draw was voided)` });
  }
  if (task.state === 'unstaffed') {
    errors.push({
      field: 'taskId',
      rule: 'staffedTask',
      message: `task ${task.id} has no team yet: it awaits a redraw`,
    });
  }
  for (const field of ['uscc', 'planId', 'drawId'] as const) {
    if (field in report && (report as Record<string, string>)[field] !== task[field]) {
      errors.push({ field, rule: 'matchesTask', message: `${field} must be ${task[field]}, the task's own` });
    }
  }
  return errors;
}

/**
 * 抽查结果: a task's result, from the department's system (by event) or its supervisor (by API): the category, the
 * findings, problems, rectification and follow-up. The publication deadline runs from the result's day. A later
 * result replaces the earlier one; a published result stays published.
 */
@Injectable()
export class RecordResult {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tasks: TasksRepository,
    private readonly clock: Clock,
    @Inject(WorkdayCalendar) private readonly calendar: WorkdayCalendar,
  ) {}

  /** Returns the refusals, having recorded nothing, or none having recorded the result. */
  async record(
    manager: EntityManager,
    taskId: string,
    department: string,
    report: ResultDto & Partial<Pick<ResultReportedV1Payload, 'uscc' | 'planId' | 'drawId'>>,
    by: { actor: string; channel: ResultChannel },
  ): Promise<FieldError[]> {
    const task = await this.tasks.find(manager, taskId, true);
    const refusals = resultRefusals(task, department, { ...report, taskId });
    if (refusals.length > 0) return refusals;
    await this.tasks.upsertResult(
      manager,
      {
        taskId,
        category: report.category,
        findings: report.findings,
        problems: report.problems ?? [],
        rectification: report.rectification ?? null,
        followUp: report.followUp ?? null,
        resultOn: report.resultOn,
        publicationDueOn: publicationDueOn(this.calendar, report.resultOn),
        recordedBy: by.actor,
        channel: by.channel,
        recordedAt: this.clock.now(),
      },
      report.publish === true,
    );
    await this.tasks.setState(manager, taskId, 'done');
    return [];
  }

  /** 公示: publishes a recorded result (once; publishing again changes nothing). */
  async publish(taskId: string, department: string): Promise<Result> {
    return this.dataSource.transaction(async (manager) => {
      const task = await this.tasks.find(manager, taskId);
      const refusals = resultRefusals(task, department, { taskId });
      if (refusals.length > 0) throw refusalProblem(refusals);
      const result = await this.tasks.findResult(manager, taskId);
      if (!result) {
        throw refusalProblem([{ field: 'taskId', rule: 'hasResult', message: `task ${taskId} has no result yet` }]);
      }
      await this.tasks.publish(manager, taskId, this.clock.now());
      return (await this.tasks.findResult(manager, taskId))!;
    });
  }
}

/** Refusals as problem details: an unknown task is 404, another department's 403, the rest a conflict. */
export function refusalProblem(refusals: FieldError[]): ProblemException {
  const rules = refusals.map((r) => r.rule);
  const status = rules.includes('knownTask') ? 404 : rules.includes('ownTask') ? 403 : 409;
  const type = status === 404 ? 'not-found' : status === 403 ? 'forbidden' : 'conflict';
  return new ProblemException(status, type, refusals.map((r) => r.message).join('; '), refusals);
}
