import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { createEvent, TaskPublicationOverdueV1 } from '@hub/contracts';
import { OutboxWriter, schedulerPass } from '@hub/messaging';
import { Clock, cstDate } from '@hub/workdays';
import { SOURCE } from '../../../plans/plan-locker';
import { TasksRepository } from '../../../plans/tasks.repository';

/**
 * Tells the inspecting department, once, of each result past its publication deadline and not published
 * (企业信息公示暂行条例 Art. 6); the result stays on the department's overdue list until it is published.
 */
@Injectable()
export class NoticeOverdue {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tasks: TasksRepository,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
  ) {}

  /** One pass of at most `limit` results; returns how many it took. */
  send(limit: number): Promise<number> {
    return schedulerPass(this.dataSource, this.outbox, this.clock, async (manager, now) => {
      const due = await this.tasks.dueForNotice(manager, cstDate(now), limit);
      await this.tasks.markNoticed(
        manager,
        due.map((r) => r.id),
        now,
      );
      const events = due.map((r) =>
        createEvent(
          TaskPublicationOverdueV1,
          {
            taskId: r.id,
            planId: r.planId,
            drawId: r.drawId,
            uscc: r.uscc,
            department: r.department,
            category: r.category,
            resultOn: r.resultOn,
            publicationDueOn: r.publicationDueOn,
          },
          { source: SOURCE },
        ),
      );
      return { taken: due.length, events };
    });
  }
}
