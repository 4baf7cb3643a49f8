import { Type } from 'class-transformer';
import {
  IsBase64,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  Length,
  Matches,
  MaxLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { IsUscc } from '../../identifiers/uscc';
import { PersonalData } from '../../privacy/personal-data';
import { IsCalendarDate, IsMediaType, IsRfc3339 } from '../../validation/format.decorators';
import { LINKAGE_ID } from '../approval/licence-decision.base';
import { IsPersonId } from './person-id';

/**
 * A 证照标识's shape, loosely: the record is kept even when its check character or embedded codes are wrong, and
 * 真实有效 names the `identifier` check that failed (GB/T 36904 validation happens in the registry, not here).
 */
export const LICENCE_ID_SHAPE = /^1\.2\.156\.3005\.2\.[0-9A-Z.]{20,120}$/;
export const HOLDER_KINDS = ['enterprise', 'person'] as const;
export type HolderKind = (typeof HOLDER_KINDS)[number];
/** The signer's distinguishing identifier of GB/T 32918 when none is given (GM/T 0009). */
export const DEFAULT_SM2_SIGNER_ID = '1234567812345678';
/** The largest licence file an event carries: its base64 fits the gateway's 256 KiB event limit. */
export const LICENCE_FILE_MAX_BYTES = 160 * 1024;

/** The licence file (版式文件, OFD or PDF) as the issuer signed it. */
export class LicenceFile {
  @IsMediaType()
  @IsString()
  mediaType!: string;

  /** The file's bytes, base64. */
  @MaxLength(Math.ceil(LICENCE_FILE_MAX_BYTES / 3) * 4, { message: 'content must be at most 160 KiB of file' })
  @IsBase64()
  @IsString()
  content!: string;
}

/** The licence's identity: its 证照标识, the event's key, so that one licence's lifecycle stays in order. */
export class LicenceRefBase {
  @Matches(LICENCE_ID_SHAPE, { message: 'licenceId must be a 证照标识 starting 1.2.156.3005.2.' })
  @IsString()
  licenceId!: string;
}

/** What an issued, changed or renewed e-licence (电子证照) carries: the whole record, signed by its issuer. */
export class LicenceRecordBase extends LicenceRefBase {
  /** The issuing authority's 统一社会信用代码 (颁发机构); its registered SM2 key checks the signature. */
  @IsUscc({ allowBadChecksum: true })
  @IsString()
  issuer!: string;

  /** 证照名称, e.g. 食品经营许可证. */
  @Length(1, 100)
  @IsString()
  licenceName!: string;

  @IsIn(HOLDER_KINDS)
  @IsString()
  holderKind!: HolderKind;

  /** 持证主体: the enterprise's code (required for an enterprise holder). */
  @IsUscc({ allowBadChecksum: true })
  @IsString()
  @ValidateIf((o: LicenceRecordBase) => o.holderKind === 'enterprise' || o.holderUscc !== undefined)
  holderUscc?: string;

  /** The enterprise's name; for a natural person see personName. */
  @Length(1, 200)
  @IsString()
  @ValidateIf((o: LicenceRecordBase) => o.holderKind === 'enterprise' || o.holderName !== undefined)
  holderName?: string;

  /** A natural person holder's name (personal data). */
  @PersonalData('name')
  @Length(1, 100)
  @IsString()
  @ValidateIf((o: LicenceRecordBase) => o.holderKind === 'person' || o.personName !== undefined)
  personName?: string;

  /** A natural person holder's 公民身份号码 (personal data). */
  @PersonalData('identifier')
  @IsPersonId()
  @IsString()
  @ValidateIf((o: LicenceRecordBase) => o.holderKind === 'person' || o.personIdNumber !== undefined)
  personIdNumber?: string;

  /** 审批件号 of the decision that granted it (the approval app's licence.granted), when it came from one. */
  @Matches(LINKAGE_ID, { message: 'approvalId must be 1-64 letters, digits or ._:- starting with a letter or digit' })
  @IsString()
  @IsOptional()
  approvalId?: string;

  /** 颁证日期. */
  @IsCalendarDate()
  @IsString()
  issuedOn!: string;

  @IsCalendarDate()
  @IsString()
  validFrom!: string;

  /** 有效期至; absent for a licence without an end (长期). */
  @IsCalendarDate()
  @IsString()
  @IsOptional()
  validUntil?: string;

  @ValidateNested()
  @Type(() => LicenceFile)
  @IsObject({ message: 'file must be a JSON object' })
  file!: LicenceFile;

  /** SM3 of the file's bytes, 64 hex digits, as the issuer states it. */
  @Matches(/^[0-9a-fA-F]{64}$/, { message: 'fileDigest must be the SM3 digest of the file, 64 hex digits' })
  @IsString()
  fileDigest!: string;

  /** The issuer's SM2 signature (GB/T 32918, SM3 with Z) over the file's bytes: DER, base64. */
  @Length(8, 200)
  @IsBase64()
  @IsString()
  signature!: string;

  /** The signer's distinguishing identifier in Z; default 1234567812345678. */
  @Length(1, 64)
  @IsString()
  @IsOptional()
  signerId?: string;

  /** When the issuer's system made this version. */
  @IsRfc3339()
  @IsString()
  at!: string;
}

/** What a change of status carries (suspended, expired, revoked, cancelled). */
export class LicenceStatusBase extends LicenceRefBase {
  @IsRfc3339()
  @IsString()
  at!: string;

  @Length(1, 500)
  @IsString()
  @IsOptional()
  reason?: string;
}
