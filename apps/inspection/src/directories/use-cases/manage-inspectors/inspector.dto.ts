import { ArrayUnique, IsArray, IsBoolean, IsOptional, IsString, Length } from 'class-validator';
import { IsCalendarDate, IsUscc } from '@hub/contracts';

/** An inspector of the caller's department, by certificate number (the route's). */
export class InspectorDto {
  @Length(1, 100)
  @IsString()
  name!: string;

  /** 执法证 valid from and until (inclusive). */
  @IsCalendarDate()
  @IsString()
  validFrom!: string;

  @IsCalendarDate()
  @IsString()
  validUntil!: string;

  @Length(1, 100, { each: true })
  @IsString({ each: true })
  @ArrayUnique()
  @IsArray()
  specialities!: string[];

  /** Declared conflicts: the enterprises to recuse from (relatives' included). */
  @IsUscc({ allowBadChecksum: true }, { each: true })
  @IsString({ each: true })
  @ArrayUnique()
  @IsArray()
  conflicts!: string[];

  @IsBoolean()
  @IsOptional()
  active?: boolean;
}
