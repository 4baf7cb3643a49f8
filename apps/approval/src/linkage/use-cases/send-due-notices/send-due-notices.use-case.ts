import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import {
  CloudEvent,
  COORDINATORS,
  DeadlineNoticeV1Payload,
  LicencePushEscalatedV1,
  LicencePushOverdueV1,
  LicencePushRemindedV1,
  NotifiedParty,
} from '@hub/contracts';
import { OutboxWriter, schedulerPass } from '@hub/messaging';
import {
  Clock,
  deadlineNotice,
  noticeFellDueAt,
  noticePass,
  NoticeSent,
  NoticeTypes,
  scheduleForDue,
  WorkdayCalendar,
} from '@hub/workdays';
import { Approval } from '../../entities/approval.entity';
import { LinkageRepository } from '../../linkage.repository';
import { APPROVAL_BUREAU } from '../../linkage.types';
import { SOURCE } from '../../make-push';
import { entry } from '../../timeline';

export const NOTICE_TYPES: NoticeTypes = {
  reminded: LicencePushRemindedV1,
  overdue: LicencePushOverdueV1,
  escalated: LicencePushEscalatedV1,
};

/**
 * Who is told while an approval waits unassigned past its push limit: the first coordinator on its last day, the
 * same and the 审批局's head once overdue, every coordinator once escalated.
 */
export function notifyFor(stage: NoticeSent): NotifiedParty[] {
  switch (stage) {
    case 'reminded':
      return [{ department: COORDINATORS[0], role: 'coordinator' }];
    case 'overdue':
      return [
        { department: COORDINATORS[0], role: 'coordinator' },
        { department: APPROVAL_BUREAU, role: 'head' },
      ];
    case 'escalated':
      return COORDINATORS.map((department) => ({ department, role: 'coordinator' as const }));
  }
}

/** The push limit's schedule: an unassigned approval's wait counts against it from the decision on. */
export function pushSchedule(calendar: WorkdayCalendar, approval: Approval) {
  return scheduleForDue(calendar, {
    dueDate: approval.pushDueDate,
    dueAt: approval.pushDueAt,
    provisional: approval.pushDueProvisional,
  });
}

/** A push-deadline notice on the approval's timeline, dated when it fell due. */
export function noticeEntry(
  calendar: WorkdayCalendar,
  approval: Approval,
  event: CloudEvent<DeadlineNoticeV1Payload>,
  stage: NoticeSent,
) {
  const d = event.data!;
  const at = noticeFellDueAt(pushSchedule(calendar, approval), stage);
  return entry(event.id, approval, stage, at, null, 'approval', { limit: d.limit, dueAt: d.dueAt, notify: d.notify });
}

/** The push-deadline notices of approvals waiting unassigned: reminded, overdue, escalated, each once. */
@Injectable()
export class SendDueNotices {
  constructor(
    private readonly dataSource: DataSource,
    private readonly linkage: LinkageRepository,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
    @Inject(WorkdayCalendar) private readonly calendar: WorkdayCalendar,
  ) {}

  /** One pass over up to `limit` unassigned approvals with notices due; returns how many. */
  send(limit = 100): Promise<number> {
    return schedulerPass(this.dataSource, this.outbox, this.clock, (manager, now) =>
      this.noticesOfUnassigned(manager, now, limit),
    );
  }

  /** The notices due now on the unassigned approvals taken, recorded on their timelines. */
  private async noticesOfUnassigned(manager: EntityManager, now: Date, limit: number) {
    const due = await this.linkage.dueForNotice(manager, now, limit);
    const events: CloudEvent<DeadlineNoticeV1Payload>[] = [];
    for (const approval of due) {
      const pass = noticePass(pushSchedule(this.calendar, approval), approval.noticeStage, now);
      const subject = {
        ...approval,
        limit: 'push' as const,
        due: { dueDate: approval.pushDueDate, dueAt: approval.pushDueAt, provisional: approval.pushDueProvisional },
      };
      for (const stage of pass.due) {
        const sent = { source: SOURCE, now, correlationid: approval.eventId };
        const event = deadlineNotice(NOTICE_TYPES, stage, subject, notifyFor(stage), sent);
        events.push(event);
        await this.linkage.addTimeline(manager, [noticeEntry(this.calendar, approval, event, stage)]);
      }
      await this.linkage.updateApproval(manager, approval.approvalId, pass.progress);
    }
    return { taken: due.length, events };
  }
}
