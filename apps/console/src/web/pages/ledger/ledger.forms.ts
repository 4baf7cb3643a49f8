import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import {
  IsDepartmentCode,
  LINKAGE_ID,
  SUPERVISION_ACTIONS,
  SUPERVISION_RESULTS,
  type SupervisionAction,
  type SupervisionResult,
} from '@hub/contracts';
import { ApprovalId, CsrfForm, FilterText, PageNumber } from '../../forms';
import { LEDGER } from './ledger.strings';

export class LedgerPageQuery {
  @IsDepartmentCode({ message: LEDGER.rules.department })
  @IsOptional()
  department?: string;

  @FilterText(LEDGER.rules.q)
  q?: string;

  @PageNumber(LEDGER.rules.page)
  unclaimedPage?: number;

  @PageNumber(LEDGER.rules.page)
  overduePage?: number;

  @PageNumber(LEDGER.rules.page)
  claimedPage?: number;

  @IsIn(['claimed', 'returned', 'supervised'])
  @IsOptional()
  done?: 'claimed' | 'returned' | 'supervised';

  @Matches(LINKAGE_ID, { message: LEDGER.rules.approvalId })
  @IsOptional()
  approvalId?: string;
}

class PushForm extends CsrfForm {
  @ApprovalId(LEDGER.rules.approvalId)
  approvalId!: string;
}

export class ClaimForm extends PushForm {}

export class ReturnForm extends PushForm {
  @Length(1, 1000, { message: LEDGER.rules.reason })
  @IsString({ message: LEDGER.rules.reason })
  reason!: string;

  @IsDepartmentCode({ message: LEDGER.rules.suggestedDepartment })
  @Transform(({ value }: { value: unknown }) => (value === '' ? undefined : value))
  @IsOptional()
  suggestedDepartment?: string;
}

export class SuperviseForm extends PushForm {
  @IsIn(SUPERVISION_ACTIONS, { message: LEDGER.rules.action })
  action!: SupervisionAction;

  @IsIn(SUPERVISION_RESULTS, { message: LEDGER.rules.result })
  result!: SupervisionResult;

  @Length(1, 2000, { message: LEDGER.rules.findings })
  @IsString({ message: LEDGER.rules.findings })
  findings!: string;
}
