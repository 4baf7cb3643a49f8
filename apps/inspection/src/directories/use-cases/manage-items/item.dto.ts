import { ArrayUnique, IsArray, IsBoolean, IsIn, IsString, Length, Matches } from 'class-validator';
import { TARGET_KINDS, type TargetKind } from '../../target-kind';

export const ITEM_CODE = /^[A-Za-z0-9-]{1,40}$/;

/** An entry of a department's 随机抽查事项清单. */
export class ItemDto {
  @Length(1, 200)
  @IsString()
  name!: string;

  /** 检查依据: the law and article. */
  @Length(1, 2000)
  @IsString()
  legalBasis!: string;

  /** 重点检查事项 (true) or 一般检查事项 (false). */
  @IsBoolean()
  keyItem!: boolean;

  /** Empty: every kind of enterprise. */
  @IsIn(TARGET_KINDS, { each: true })
  @ArrayUnique()
  @IsArray()
  enterpriseKinds!: TargetKind[];

  /** Matter codes of the licences an enterprise must hold for the item to apply; empty: none needed. */
  @Matches(/^[A-Z][A-Z0-9-]{1,39}$/, {
    each: true,
    message: 'each licence type must be a matter code, e.g. SPJ-SPJY-001',
  })
  @ArrayUnique()
  @IsArray()
  licenceTypes!: string[];
}
