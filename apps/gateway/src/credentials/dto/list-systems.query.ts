import { IsOptional } from 'class-validator';
import { IsDepartmentCode } from '@hub/contracts';

export class ListSystemsQuery {
  @IsDepartmentCode()
  @IsOptional()
  department?: string;
}
