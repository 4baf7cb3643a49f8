import { Type } from 'class-transformer';
import { IsIn, IsObject, IsOptional, IsString, Length, Matches, ValidateNested } from 'class-validator';
import { IsUscc } from '../../identifiers/uscc';
import { IsCalendarDate, IsRfc3339 } from '../../validation/format.decorators';

/** 电子印章编码 (GB/T 38540-2020 印章标识): letters and digits. */
export const SEAL_CODE = /^[0-9A-Z]{8,32}$/;
/** 印章类型: 法定名称章, 财务专用章, 发票专用章, 合同专用章, 法定代表人名章, 业务专用章, 其他. */
export const SEAL_TYPES = ['01', '02', '03', '04', '05', '06', '99'] as const;
export type SealType = (typeof SEAL_TYPES)[number];
export const SEAL_TYPE_NAMES: Readonly<Record<SealType, string>> = {
  '01': '法定名称章',
  '02': '财务专用章',
  '03': '发票专用章',
  '04': '合同专用章',
  '05': '法定代表人名章',
  '06': '业务专用章',
  '99': '其他',
};
/** Whose seal: an enterprise's, or a government department's (every one filed, 100 % 备案). */
export const SEAL_HOLDER_KINDS = ['enterprise', 'department'] as const;
export type SealHolderKind = (typeof SEAL_HOLDER_KINDS)[number];

/** The seal's signing certificate (SM2): who it names and its serial. */
export class SealCertificate {
  @Length(1, 300)
  @IsString()
  subject!: string;

  /** The certificate's serial number, hex. */
  @Matches(/^[0-9A-Fa-f]{1,64}$/, { message: 'serialNumber must be 1-64 hex digits' })
  @IsString()
  serialNumber!: string;
}

/** A seal's identity: its code and holder; `uscc` (the holder's code) is the key, so one holder's seals stay in order. */
export class SealRefBase {
  @Matches(SEAL_CODE, { message: 'sealCode must be 8-32 upper-case letters or digits' })
  @IsString()
  sealCode!: string;

  /** The holder's 统一社会信用代码 (an enterprise's or a department's). */
  @IsUscc({ allowBadChecksum: true })
  @IsString()
  uscc!: string;

  @IsRfc3339()
  @IsString()
  at!: string;
}

/** A seal as made or changed (GB/T 38540-2020 印章属性). */
export class SealRecordBase extends SealRefBase {
  @IsIn(SEAL_TYPES)
  @IsString()
  sealType!: SealType;

  @Length(1, 100)
  @IsString()
  sealName!: string;

  @IsIn(SEAL_HOLDER_KINDS)
  @IsString()
  holderKind!: SealHolderKind;

  @Length(1, 200)
  @IsString()
  holderName!: string;

  @IsCalendarDate()
  @IsString()
  validFrom!: string;

  @IsCalendarDate()
  @IsString()
  validUntil!: string;

  @ValidateNested()
  @Type(() => SealCertificate)
  @IsObject({ message: 'certificate must be a JSON object' })
  certificate!: SealCertificate;

  @Length(1, 500)
  @IsString()
  @IsOptional()
  reason?: string;
}
