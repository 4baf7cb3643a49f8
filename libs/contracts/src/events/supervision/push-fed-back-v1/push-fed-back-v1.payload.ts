import { ArrayUnique, IsArray, IsIn, IsString, Length, Matches } from 'class-validator';
import { LINKAGE_ID } from '../../approval/licence-decision.base';
import { SUPERVISION_RESULTS, SupervisionResult } from '../push-supervised-v1/push-supervised-v1.payload';

export const FEEDBACK_EFFECTS = ['approval', 'credit'] as const;
export type FeedbackEffect = (typeof FEEDBACK_EFFECTS)[number];
import { PushActivityBase } from '../push-activity.base';

/** A supervision result fed back to the 审批局 (反馈), saying whether it affects the approval or the enterprise's credit. */
export class PushFedBackV1Payload extends PushActivityBase {
  @Matches(LINKAGE_ID)
  @IsString()
  actionId!: string;

  @IsIn(SUPERVISION_RESULTS)
  @IsString()
  result!: SupervisionResult;

  /** What the result bears on: the approval itself, the enterprise's credit record, both, or neither. */
  @IsIn(FEEDBACK_EFFECTS, { each: true })
  @ArrayUnique()
  @IsArray()
  affects!: FeedbackEffect[];

  @Length(1, 2000)
  @IsString()
  summary!: string;
}
