import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import { AUTHENTICITY_CHECKS, GAP_KINDS, IsDepartmentCode } from '@hub/contracts';

const toNumber = ({ value }: { value: unknown }) => (value === undefined ? undefined : Number(value));
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** GET /v1/coverage: the measures, optionally for one month, department or licence type. */
export class MeasuresQuery {
  @Matches(MONTH, { message: 'month must be YYYY-MM' })
  @IsString()
  @IsOptional()
  month?: string;

  @IsDepartmentCode()
  @IsString()
  @IsOptional()
  department?: string;

  @Matches(/^[0-9A-Z]{18}\d{3}$/, { message: 'licenceType must be a GB/T 36904 type code' })
  @IsString()
  @IsOptional()
  licenceType?: string;
}

/** GET /v1/gaps: the gap list, item by item; `format=csv` exports it. */
export class GapsQuery extends MeasuresQuery {
  @IsIn(['open', 'closed', 'all'])
  @IsString()
  @IsOptional()
  status?: 'open' | 'closed' | 'all';

  @IsIn(GAP_KINDS)
  @IsString()
  @IsOptional()
  kind?: string;

  @IsIn(AUTHENTICITY_CHECKS)
  @IsString()
  @IsOptional()
  check?: string;

  @Matches(/^[0-9A-HJ-NPQRTUWXY]{18}$/, { message: 'uscc must be a 统一社会信用代码' })
  @IsString()
  @IsOptional()
  uscc?: string;

  @IsIn(['json', 'csv'])
  @IsString()
  @IsOptional()
  format?: 'json' | 'csv';

  @Transform(toNumber)
  @Max(10_000)
  @Min(1)
  @IsInt()
  @IsOptional()
  limit?: number;

  @Transform(toNumber)
  @Min(0)
  @IsInt()
  @IsOptional()
  offset?: number;
}
