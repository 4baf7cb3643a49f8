import { Transform } from 'class-transformer';
import { IsOptional, IsString, Length, Matches } from 'class-validator';
import { IsDepartmentCode, LINKAGE_ID } from '@hub/contracts';
import { ApprovalId, CsrfForm, FilterText, PageNumber } from '../../forms';
import { QUEUE } from './queue.strings';

export class QueuePageQuery {
  @FilterText(QUEUE.rules.q)
  q?: string;

  @PageNumber(QUEUE.rules.page)
  unassignedPage?: number;

  @PageNumber(QUEUE.rules.page)
  returnedPage?: number;

  @Matches(LINKAGE_ID, { message: QUEUE.rules.approvalId })
  @IsOptional()
  assigned?: string;

  @IsDepartmentCode({ message: QUEUE.rules.department })
  @IsOptional()
  to?: string;
}

export class AssignForm extends CsrfForm {
  @ApprovalId(QUEUE.rules.approvalId)
  approvalId!: string;

  @IsDepartmentCode({ message: QUEUE.rules.department })
  department!: string;

  @Length(1, 500, { message: QUEUE.rules.note })
  @IsString({ message: QUEUE.rules.note })
  @Transform(({ value }: { value: unknown }) => (value === '' ? undefined : value))
  @IsOptional()
  note?: string;
}
