import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsOptional, IsString, Length } from 'class-validator';
import { IsCalendarDate } from '../../../validation/format.decorators';
import { RESULT_CATEGORIES, type ResultCategory } from '../inspection.base';
import { TaskEventBase } from '../task.base';

/**
 * What an inspection found, from the inspecting department's system: the national result category, the findings,
 * the problems found, the rectification ordered and its follow-up. A later report on the same task replaces it.
 */
export class ResultReportedV1Payload extends TaskEventBase {
  @IsIn(RESULT_CATEGORIES)
  @IsString()
  category!: ResultCategory;

  /** 检查情况. */
  @Length(1, 2000)
  @IsString()
  findings!: string;

  /** 发现的问题. */
  @Length(1, 500, { each: true })
  @IsString({ each: true })
  @ArrayMaxSize(50)
  @IsArray()
  @IsOptional()
  problems?: string[];

  /** 责令整改 (what was ordered, by when). */
  @Length(1, 2000)
  @IsString()
  @IsOptional()
  rectification?: string;

  /** 整改后续 (the follow-up of the rectification). */
  @Length(1, 2000)
  @IsString()
  @IsOptional()
  followUp?: string;

  /** The day of the inspection's result: the 20 working days to publish run from it. */
  @IsCalendarDate()
  @IsString()
  resultOn!: string;

  /** 公示: publish the result at once; otherwise the department publishes it later, within 20 working days. */
  @IsBoolean()
  @IsOptional()
  publish?: boolean;
}
