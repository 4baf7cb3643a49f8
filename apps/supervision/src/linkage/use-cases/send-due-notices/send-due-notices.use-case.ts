import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import {
  CloudEvent,
  COORDINATORS,
  NotifiedParty,
  PushEscalatedV1,
  PushOverdueV1,
  PushRemindedV1,
} from '@hub/contracts';
import { OutboxWriter, schedulerPass } from '@hub/messaging';
import { Clock, deadlineNotice, noticePass, NoticeSent, NoticeTypes, WorkdayCalendar } from '@hub/workdays';
import { noticeSchedule, SOURCE } from '../../push-rows';
import { SupervisionRepository } from '../../supervision.repository';

export const NOTICE_TYPES: NoticeTypes = {
  reminded: PushRemindedV1,
  overdue: PushOverdueV1,
  escalated: PushEscalatedV1,
};

/**
 * Who is told as a claim or supervision limit runs out: the desk handling it on its last day, the department's
 * head once it is overdue, the head and the zone's coordinators once escalated.
 */
export function notifyFor(stage: NoticeSent, department: string): NotifiedParty[] {
  switch (stage) {
    case 'reminded':
      return [{ department, role: 'handler' }];
    case 'overdue':
      return [{ department, role: 'head' }];
    case 'escalated':
      return [
        { department, role: 'head' },
        ...COORDINATORS.map((c) => ({ department: c, role: 'coordinator' as const })),
      ];
  }
}

/** The claim and supervision deadline notices: reminded, overdue, escalated, each once per limit. */
@Injectable()
export class SendDueNotices {
  constructor(
    private readonly dataSource: DataSource,
    private readonly pushes: SupervisionRepository,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
    @Inject(WorkdayCalendar) private readonly calendar: WorkdayCalendar,
  ) {}

  /** One pass over up to `limit` pushes whose claim or supervision limit has a notice due; returns how many. */
  send(limit = 100): Promise<number> {
    return schedulerPass(this.dataSource, this.outbox, this.clock, (manager, now) =>
      this.noticesOfOpenLimits(manager, now, limit),
    );
  }

  /** The notices due now on the pushes taken, each on the limit that runs on it. */
  private async noticesOfOpenLimits(manager: EntityManager, now: Date, limit: number) {
    const due = await this.pushes.dueForNotice(manager, now, limit);
    const events: CloudEvent[] = [];
    for (const row of due) {
      const schedule = noticeSchedule(this.calendar, row);
      if (!schedule || !row.noticeLimit) {
        await this.pushes.update(manager, row.approvalId, row.department, { nextNoticeAt: null });
        continue;
      }
      const pass = noticePass(schedule, row.noticeStage, now);
      const subject = { ...row, limit: row.noticeLimit, due: schedule };
      for (const stage of pass.due) {
        const notify = notifyFor(stage, row.department);
        events.push(deadlineNotice(NOTICE_TYPES, stage, subject, notify, { source: SOURCE, now }));
      }
      await this.pushes.update(manager, row.approvalId, row.department, pass.progress);
    }
    return { taken: due.length, events };
  }
}
