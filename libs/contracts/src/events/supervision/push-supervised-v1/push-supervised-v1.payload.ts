import { IsIn, IsString, Length, Matches } from 'class-validator';
import { LINKAGE_ID } from '../../approval/licence-decision.base';

export const SUPERVISION_ACTIONS = ['on-site-check', 'document-review', 'commitment-verification'] as const;
export type SupervisionAction = (typeof SUPERVISION_ACTIONS)[number];
export const SUPERVISION_RESULTS = [
  'compliant',
  'rectification-ordered',
  'commitment-false',
  'licence-should-be-revoked',
] as const;
export type SupervisionResult = (typeof SUPERVISION_RESULTS)[number];
import { PushActivityBase } from '../push-activity.base';

/** A supervision action was carried out on a claimed push (on-site check, document review, 告知承诺 verification), with its result. */
export class PushSupervisedV1Payload extends PushActivityBase {
  @Matches(LINKAGE_ID)
  @IsString()
  actionId!: string;

  @IsIn(SUPERVISION_ACTIONS)
  @IsString()
  action!: SupervisionAction;

  @IsIn(SUPERVISION_RESULTS)
  @IsString()
  result!: SupervisionResult;

  @Length(1, 2000)
  @IsString()
  findings!: string;
}
