import { Transform } from 'class-transformer';
import { IsInt, IsNotEmpty, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';

/** Why the caller reads the licences (查询事由): required, recorded with the access. */
export class LicenceQueryDto {
  @Length(2, 200, { message: 'purpose must say why, in 2-200 characters (查询事由)' })
  @IsNotEmpty({ message: 'purpose is required: say why you read these licences (查询事由)' })
  @IsString({ message: 'purpose is required: say why you read these licences (查询事由)' })
  purpose!: string;
}

export class AccessRecordsQuery {
  @Matches(/^1\.2\.156\.3005\.2\.[0-9A-Z.]{20,120}$/, { message: 'licenceId must be a 证照标识' })
  @IsString()
  @IsOptional()
  licenceId?: string;

  @Matches(/^[0-9A-HJ-NPQRTUWXY]{18}$/, { message: 'holder must be a 统一社会信用代码' })
  @IsString()
  @IsOptional()
  holder?: string;

  @Transform(({ value }) => (value === undefined ? undefined : Number(value)))
  @Max(500)
  @Min(1)
  @IsInt()
  @IsOptional()
  limit?: number;
}
