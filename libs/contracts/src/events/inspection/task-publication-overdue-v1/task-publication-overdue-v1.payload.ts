import { IsIn, IsString } from 'class-validator';
import { IsCalendarDate } from '../../../validation/format.decorators';
import { RESULT_CATEGORIES, type ResultCategory } from '../inspection.base';
import { TaskEventBase } from '../task.base';

/** A result was not published within 20 working days (企业信息公示暂行条例 Art. 6). */
export class TaskPublicationOverdueV1Payload extends TaskEventBase {
  @IsIn(RESULT_CATEGORIES)
  @IsString()
  category!: ResultCategory;

  /** The date the result was reached: the 20 working days run from it. */
  @IsCalendarDate()
  @IsString()
  resultOn!: string;

  @IsCalendarDate()
  @IsString()
  publicationDueOn!: string;
}
