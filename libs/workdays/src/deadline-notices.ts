import {
  createEvent,
  stableId,
  type CloudEvent,
  type DeadlineNoticeV1Payload,
  type EventTypeDefinition,
  type NotifiedParty,
  type TimeLimit,
} from '@hub/contracts';
import { DeadlineSchedule, NOTICE_STAGES, NoticeStage, nextNoticeAt, noticesDue } from './deadline-schedule';

/** A notice a running time limit sends. */
export type NoticeSent = Exclude<NoticeStage, 'none'>;

/** The event type each notice of one limit goes out as (the limit's owner publishes it). */
export type NoticeTypes = Readonly<Record<NoticeSent, EventTypeDefinition<DeadlineNoticeV1Payload>>>;

/** Where a limit's notices stand: the stage reached and when the next one falls due (null once escalated). */
export interface NoticeProgress {
  noticeStage: NoticeStage;
  nextNoticeAt: Date | null;
}

export function noticeRank(stage: NoticeStage): number {
  return NOTICE_STAGES.indexOf(stage);
}

/** One scheduler pass over a limit at `now`: the notices due after `stage`, in order, and where that leaves it. */
export function noticePass(
  schedule: DeadlineSchedule,
  stage: NoticeStage,
  now: Date,
): { due: NoticeSent[]; progress: NoticeProgress } {
  const due = noticesDue(schedule, stage, now);
  const reached = due.length > 0 ? due[due.length - 1] : stage;
  return { due, progress: { noticeStage: reached, nextNoticeAt: nextNoticeAt(schedule, reached) ?? null } };
}

/**
 * A notice read back (a replay): where it leaves a limit that stands at `current`, or undefined when it is not
 * past it — the stage only moves forward.
 */
export function progressAfter(
  schedule: DeadlineSchedule,
  current: NoticeStage,
  read: NoticeSent,
): NoticeProgress | undefined {
  if (noticeRank(read) <= noticeRank(current)) return undefined;
  return { noticeStage: read, nextNoticeAt: nextNoticeAt(schedule, read) ?? null };
}

/** When a notice fell due (not when it was sent): a record of it stays the same however late a scheduler ran. */
export function noticeFellDueAt(schedule: DeadlineSchedule, stage: NoticeSent): Date {
  return stage === 'reminded' ? schedule.remindAt : stage === 'overdue' ? schedule.dueAt : schedule.escalateAt;
}

/** What a notice is about: the approval, its push and department once it has them, the limit and its due time. */
export interface NoticeSubject {
  uscc: string;
  approvalId: string;
  pushId?: string | null;
  department?: string | null;
  limit: TimeLimit;
  due: { dueDate: string; dueAt: Date; provisional: boolean };
}

/**
 * The `stage` notice of a limit, under an id derived from its subject and stage: a pass that runs again (another
 * replica, a rebuild from the topics) sends the very same event, which every inbox knows already.
 */
export function deadlineNotice(
  types: NoticeTypes,
  stage: NoticeSent,
  subject: NoticeSubject,
  notify: NotifiedParty[],
  sent: { source: string; now: Date; correlationid?: string },
): CloudEvent<DeadlineNoticeV1Payload> {
  const { uscc, approvalId, pushId, department, limit, due } = subject;
  return createEvent(
    types[stage],
    {
      uscc,
      approvalId,
      ...(pushId ? { pushId } : {}),
      ...(department ? { department } : {}),
      limit,
      dueDate: due.dueDate,
      dueAt: due.dueAt.toISOString(),
      provisional: due.provisional,
      notify,
    },
    {
      source: sent.source,
      id: stableId('notice', approvalId, ...(department ? [department] : []), limit, stage),
      time: sent.now.toISOString(),
      ...(sent.correlationid ? { correlationid: sent.correlationid } : {}),
    },
  );
}
