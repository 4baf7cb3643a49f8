import { IsBoolean, IsOptional, IsString, Length, Matches } from 'class-validator';
import { IsDepartmentCode } from '@hub/contracts';

export class RegisterSystemDto {
  /** A code of seed/departments.json, e.g. SPJ. */
  @IsDepartmentCode()
  department!: string;

  /** Unique within the department; the system's events come from `/departments/<department>/systems/<name>`. */
  @Matches(/^[a-z][a-z0-9-]{1,62}$/, {
    message: 'name must be 2-63 characters: a lower-case letter, then letters, digits or -',
  })
  @IsString()
  name!: string;

  @Length(1, 500)
  @IsString()
  @IsOptional()
  description?: string;

  /** Only for a system of 信息化中心 (XXHZX). */
  @IsBoolean()
  @IsOptional()
  admin?: boolean;
}
