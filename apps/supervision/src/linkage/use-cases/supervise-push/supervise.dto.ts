import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import {
  IsRfc3339,
  SUPERVISION_ACTIONS,
  SUPERVISION_RESULTS,
  type SupervisionAction,
  type SupervisionResult,
} from '@hub/contracts';
import { ActOnApproval } from '../../dto/act-on-approval.dto';

export class SuperviseDto extends ActOnApproval {
  @IsIn(SUPERVISION_ACTIONS)
  @IsString()
  action!: SupervisionAction;

  @IsIn(SUPERVISION_RESULTS)
  @IsString()
  result!: SupervisionResult;

  @Length(1, 2000)
  @IsString()
  findings!: string;

  /** When it was done, if not now. */
  @IsRfc3339()
  @IsString()
  @IsOptional()
  at?: string;
}
