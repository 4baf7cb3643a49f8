import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { INSPECTION_ID, IsCalendarDate, IsDepartmentCode } from '@hub/contracts';

export class PlanDepartmentDto {
  @IsDepartmentCode()
  @IsString()
  code!: string;

  @Max(20)
  @Min(1)
  @IsInt()
  inspectorsPerTarget!: number;

  /** The department's items (随机抽查事项清单) this plan checks. */
  @Matches(/^[A-Za-z0-9-]{1,40}$/, { each: true, message: 'each item code must be 1-40 letters, digits or -' })
  @ArrayUnique()
  @ArrayMinSize(1)
  @IsArray()
  itemCodes!: string[];
}

/** Draw ratios in basis points (0–10000) per credit-risk class; an absent one takes the default. */
export class RatiosDto {
  @Max(10000)
  @Min(0)
  @IsInt()
  @IsOptional()
  A?: number;

  @Max(10000)
  @Min(0)
  @IsInt()
  @IsOptional()
  B?: number;

  @Max(10000)
  @Min(0)
  @IsInt()
  @IsOptional()
  C?: number;

  @Max(10000)
  @Min(0)
  @IsInt()
  @IsOptional()
  D?: number;

  @Max(10000)
  @Min(0)
  @IsInt()
  @IsOptional()
  unrated?: number;
}

/** A plan: the leading department first (the caller's own), then the departments joining it (联合抽查). */
export class CreatePlanDto {
  @Matches(INSPECTION_ID, { message: 'id must be 1-64 letters, digits or ._:- starting with a letter or digit' })
  @IsString()
  @IsOptional()
  id?: string;

  @Length(1, 200)
  @IsString()
  title!: string;

  @Max(2100)
  @Min(2000)
  @IsInt()
  year!: number;

  @ValidateNested({ each: true })
  @Type(() => PlanDepartmentDto)
  @IsObject({ each: true, message: 'each department must be a JSON object' })
  @ArrayMaxSize(10)
  @ArrayMinSize(1)
  @IsArray()
  departments!: PlanDepartmentDto[];

  @ValidateNested()
  @Type(() => RatiosDto)
  @IsObject()
  @IsOptional()
  ratios?: RatiosDto;

  @Max(10_000)
  @Min(1)
  @IsInt()
  @IsOptional()
  maxTargetsPerInspector?: number;

  /** Inspections (visits) one enterprise may have a year across all departments; at the cap it is excluded. */
  @Max(50)
  @Min(1)
  @IsInt()
  enterpriseAnnualCap!: number;

  /** The day of the inspection: certificates must be valid on it. */
  @IsCalendarDate()
  @IsString()
  inspectionDate!: string;
}
