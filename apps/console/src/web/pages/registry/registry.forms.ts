import { IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import { AUTHENTICITY_CHECKS, GAP_KINDS, IsDepartmentCode } from '@hub/contracts';
import { PageNumber } from '../../forms';
import { REGISTRY } from './registry.strings';

export class GapsPageQuery {
  @IsIn(GAP_KINDS, { message: REGISTRY.rules.kind })
  @IsOptional()
  kind?: string;

  @IsIn(AUTHENTICITY_CHECKS, { message: REGISTRY.rules.check })
  @IsOptional()
  check?: string;

  @IsIn(['open', 'closed', 'all'], { message: REGISTRY.rules.status })
  @IsOptional()
  status?: string;

  @IsDepartmentCode({ message: REGISTRY.rules.department })
  @IsOptional()
  department?: string;

  @Matches(/^[0-9A-Z]{18}\d{3}$/, { message: REGISTRY.rules.licenceType })
  @IsOptional()
  licenceType?: string;

  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { message: REGISTRY.rules.month })
  @IsOptional()
  month?: string;

  @PageNumber(REGISTRY.rules.page)
  page?: number;
}

export class EnterpriseQuery {
  @Length(2, 200, { message: REGISTRY.rules.purpose })
  @IsString({ message: REGISTRY.rules.purpose })
  @IsOptional()
  purpose?: string;
}

export const USCC_PATTERN = /^[0-9A-HJ-NPQRTUWXY]{18}$/;
