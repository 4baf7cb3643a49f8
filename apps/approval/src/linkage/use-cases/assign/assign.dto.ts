import { IsOptional, IsString, Length } from 'class-validator';
import { IsDepartmentCode } from '@hub/contracts';

/** The coordinator's (re-)assignment of an approval to a supervising department. */
export class AssignDto {
  @IsDepartmentCode()
  @IsString()
  department!: string;

  @Length(1, 500)
  @IsString()
  @IsOptional()
  note?: string;
}
