import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
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
/** base64 characters a chunk of the file holds: the hub's longest string in `data` (EventLimits), a multiple of 4. */
export const LICENCE_FILE_CHUNK = 4_096;

/** A file's bytes as the chunks of base64 an event carries. */
export function licenceFileContent(bytes: Uint8Array): string[] {
  const base64 = Buffer.from(bytes).toString('base64');
  const chunks: string[] = [];
  for (let i = 0; i < base64.length; i += LICENCE_FILE_CHUNK) chunks.push(base64.slice(i, i + LICENCE_FILE_CHUNK));
  return chunks.length > 0 ? chunks : [''];
}

/** The file's bytes from its chunks. */
export function licenceFileBytes(file: Pick<LicenceFile, 'content'>): Buffer {
  return Buffer.from(file.content.join(''), 'base64');
}

/** The licence file (版式文件, OFD or PDF) as the issuer signed it. */
export class LicenceFile {
  @IsMediaType()
  @IsString()
  mediaType!: string;

  /**
   * The file's bytes in base64, cut into chunks of 4 096 characters (the last may be shorter): a string in an event
   * holds at most that many (licenceFileContent makes them).
   */
  @MaxLength(LICENCE_FILE_CHUNK, { each: true, message: 'each chunk of content must be at most 4096 characters' })
  @IsBase64(undefined, { each: true, message: 'each chunk of content must be base64 (a multiple of 4 characters)' })
  @IsString({ each: true })
  @ArrayMaxSize(Math.ceil(LICENCE_FILE_MAX_BYTES / 3 / 1024), { message: 'content must be at most 160 KiB of file' })
  @ArrayMinSize(1)
  @IsArray()
  content!: string[];
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
