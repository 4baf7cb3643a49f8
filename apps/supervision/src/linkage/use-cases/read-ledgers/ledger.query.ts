import { IsOptional, IsString } from 'class-validator';
import { IsDepartmentCode, IsRfc3339 } from '@hub/contracts';

export class LedgerQuery {
  @IsRfc3339()
  @IsString()
  @IsOptional()
  asOf?: string;
}

export class StatsQuery {
  @IsDepartmentCode()
  @IsString()
  @IsOptional()
  department?: string;
}
