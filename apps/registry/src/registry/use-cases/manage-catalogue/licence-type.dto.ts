import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
} from 'class-validator';
import { IsDepartmentCode, MATTER_CODE } from '@hub/contracts';

/** A licence type of the catalogue (PUT /v1/licence-types/:typeCode). */
export class LicenceTypeDto {
  /** 证照名称. */
  @Length(1, 100)
  @IsString()
  name!: string;

  /** The departments that issue it (颁发机构 belong to them); the first is owed the e-licences of its grants. */
  @IsDepartmentCode({ each: true })
  @ArrayMaxSize(30)
  @ArrayMinSize(1)
  @IsArray()
  issuingDepartments!: string[];

  /** The approval matters whose grants produce it. */
  @Matches(MATTER_CODE, { each: true, message: 'each matter code must be upper-case letters, digits and -' })
  @ArrayMaxSize(200)
  @IsArray()
  matterCodes!: string[];

  /** Departments entitled to query it besides the issuing ones (共享使用). */
  @IsDepartmentCode({ each: true })
  @ArrayMaxSize(30)
  @IsArray()
  @IsOptional()
  readerDepartments?: string[];

  /** The longest validity allowed, in months; absent: no limit (长期有效 allowed). */
  @Max(1200)
  @Min(1)
  @IsInt()
  @IsOptional()
  validityMonths?: number;

  /** Whether its grant establishes an enterprise (营业执照): the seal set must follow within the window. */
  @IsBoolean()
  @IsOptional()
  establishes?: boolean;
}

/** A GB/T 36904 type code: the defining body's 统一社会信用代码 and 3 digits. */
export const TYPE_CODE = /^[0-9A-HJ-NPQRTUWXY]{18}\d{3}$/;
