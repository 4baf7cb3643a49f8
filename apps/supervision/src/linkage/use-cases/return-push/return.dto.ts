import { IsOptional, IsString, Length } from 'class-validator';
import { IsDepartmentCode } from '@hub/contracts';
import { ActOnApproval } from '../../dto/act-on-approval.dto';

export class ReturnDto extends ActOnApproval {
  @Length(1, 1000)
  @IsString()
  reason!: string;

  @IsDepartmentCode()
  @IsString()
  @IsOptional()
  suggestedDepartment?: string;
}
