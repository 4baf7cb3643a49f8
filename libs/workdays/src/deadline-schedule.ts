import { WorkdayCalendar, WorkdayDeadline, cstStartOf } from './workday-calendar';

/**
 * What a running time limit has announced so far: a reminder on the morning of its last working day, overdue at
 * its end (to the department's head), escalated to the zone's coordinator (政法委 / 党政办) when still open at the
 * end of the next working day.
 */
export const NOTICE_STAGES = ['none', 'reminded', 'overdue', 'escalated'] as const;
export type NoticeStage = (typeof NOTICE_STAGES)[number];

export interface DeadlineSchedule {
  readonly dueDate: string;
  readonly dueAt: Date;
  readonly remindAt: Date;
  readonly escalateAt: Date;
  readonly provisional: boolean;
}

export function deadlineSchedule(calendar: WorkdayCalendar, from: Date, workdays: number): DeadlineSchedule {
  return scheduleForDue(calendar, calendar.addWorkdays(from, workdays));
}

/** The schedule of a deadline already computed (e.g. carried by an event). */
export function scheduleForDue(calendar: WorkdayCalendar, due: WorkdayDeadline): DeadlineSchedule {
  const escalation = calendar.addWorkdays(new Date(due.dueAt.getTime() - 1), 1);
  return {
    dueDate: due.dueDate,
    dueAt: due.dueAt,
    remindAt: cstStartOf(due.dueDate),
    escalateAt: escalation.dueAt,
    provisional: due.provisional || escalation.provisional,
  };
}

/** When the stage after `stage` falls due; undefined once escalated. */
export function nextNoticeAt(schedule: DeadlineSchedule, stage: NoticeStage): Date | undefined {
  switch (stage) {
    case 'none':
      return schedule.remindAt;
    case 'reminded':
      return schedule.dueAt;
    case 'overdue':
      return schedule.escalateAt;
    case 'escalated':
      return undefined;
  }
}

/**
 * The notices to send at `now`, in order, after `stage`. A reminder is skipped once the deadline has passed (a
 * scheduler that was down does not remind of what is already overdue); overdue always precedes escalation.
 */
export function noticesDue(schedule: DeadlineSchedule, stage: NoticeStage, now: Date): Exclude<NoticeStage, 'none'>[] {
  const t = now.getTime();
  const out: Exclude<NoticeStage, 'none'>[] = [];
  const rank = NOTICE_STAGES.indexOf(stage);
  if (rank < 1 && t >= schedule.remindAt.getTime() && t < schedule.dueAt.getTime()) out.push('reminded');
  if (rank < 2 && t >= schedule.dueAt.getTime()) out.push('overdue');
  if (rank < 3 && t >= schedule.escalateAt.getTime()) out.push('escalated');
  return out;
}
