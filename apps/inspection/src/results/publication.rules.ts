import { cstStartOf, type WorkdayCalendar } from '@hub/workdays';

/** 企业信息公示暂行条例 Art. 6: results are published within 20 working days of being reached. */
export const PUBLICATION_WORKDAYS = 20;

/** The last day to publish a result reached on `resultOn`, on the hub's working-day calendar. */
export function publicationDueOn(calendar: WorkdayCalendar, resultOn: string): string {
  return calendar.addWorkdays(cstStartOf(resultOn), PUBLICATION_WORKDAYS).dueDate;
}
