import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import { IsCalendarDate } from '../../../validation/format.decorators';
import { RISK_CLASSES, TargetEventBase, type RiskClass } from '../inspection.base';

/** 市场监管分局 graded an enterprise's credit risk (信用风险分类): the class the draws weigh by. */
export class RiskClassGradedV1Payload extends TargetEventBase {
  @IsIn(RISK_CLASSES)
  @IsString()
  riskClass!: RiskClass;

  /** The date of the grading; a later grading replaces an earlier one, an earlier one arriving late changes nothing. */
  @IsCalendarDate()
  @IsString()
  gradedOn!: string;

  /** Which grading produced it, e.g. 企业信用风险分类管理系统 2026 年第四季度. */
  @Length(1, 200)
  @IsString()
  source!: string;

  @Length(1, 1000)
  @IsString()
  @IsOptional()
  basis?: string;
}
