import { IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import { IsDepartmentCode } from '../../departments/departments';
import { IsUscc } from '../../identifiers/uscc';
import { IsRfc3339 } from '../../validation/format.decorators';

/**
 * What a gap is:
 * - `licence-missing`: a licence granted (approval's licence.granted) with no e-licence aggregated (应归尽归);
 * - `licence-invalid`: an e-licence failing a check of 真实有效 (`check` names it);
 * - `seal-set-late`: an enterprise established (its business licence granted) without its seal set within the window
 *   (企业设立同步发放电子印章) — the alert;
 * - `seal-not-filed`: an e-seal made or changed and not filed (备案).
 */
export const GAP_KINDS = ['licence-missing', 'licence-invalid', 'seal-set-late', 'seal-not-filed'] as const;
export type GapKind = (typeof GAP_KINDS)[number];
/** The checks of 真实有效, in the order they are made. */
export const AUTHENTICITY_CHECKS = ['identifier', 'digest', 'issuerKey', 'signature', 'status'] as const;
export type AuthenticityCheck = (typeof AUTHENTICITY_CHECKS)[number];

export class GapBase {
  /** The registry's id of the gap: kind and subject, stable (a gap reopened later is the same gap again). */
  @Matches(/^[a-z-]+:[^\s]{1,200}$/, { message: 'gapId must be <kind>:<subject>' })
  @IsString()
  gapId!: string;

  @IsIn(GAP_KINDS)
  @IsString()
  kind!: GapKind;

  /** What is missing or failing: the 审批件号, the 证照标识, the seal code or the enterprise's code. */
  @Length(1, 200)
  @IsString()
  subject!: string;

  /** The enterprise concerned, when there is one (a natural person's licence has none). */
  @IsUscc({ allowBadChecksum: true })
  @IsString()
  @IsOptional()
  uscc?: string;

  /** The department that must act (the issuing department; the seal holder's filing authority). */
  @IsDepartmentCode()
  @IsString()
  @IsOptional()
  department?: string;

  /** The licence type (GB/T 36904 type code), for licence gaps. */
  @Matches(/^[0-9A-Z]{18}\d{3}$/, { message: 'licenceType must be a GB/T 36904 type code' })
  @IsString()
  @IsOptional()
  licenceType?: string;

  /** For `licence-invalid`: the first check of 真实有效 that failed. */
  @IsIn(AUTHENTICITY_CHECKS)
  @IsString()
  @IsOptional()
  check?: AuthenticityCheck;

  /** Since when: the grant's decision, the failing record's arrival, the seal window's start, the seal's making. */
  @IsRfc3339()
  @IsString()
  since!: string;

  @Length(1, 500)
  @IsString()
  detail!: string;
}
