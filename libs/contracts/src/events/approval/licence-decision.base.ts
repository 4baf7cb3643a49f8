import { IsString, Matches } from 'class-validator';
import { IsUscc } from '../../identifiers/uscc';
import { IsRfc3339 } from '../../validation/format.decorators';

/** 审批件号 / push and request ids: letters, digits and `._:-`, up to 64 characters. */
export const LINKAGE_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/;
/** A matter code of the approval catalogue, e.g. `SPJ-SPJY-001`. */
export const MATTER_CODE = /^[A-Z][A-Z0-9-]{1,39}$/;

export const LICENCE_DECISIONS = ['granted', 'changed', 'renewed', 'revoked', 'cancelled'] as const;
export type LicenceDecision = (typeof LICENCE_DECISIONS)[number];

/** What every decision of the 审批局 on a licence carries (granted, changed, renewed, revoked, cancelled). */
export class LicenceDecisionBase {
  /** The enterprise holding the licence: the event's key, so one enterprise's decisions stay in order. */
  @IsUscc({ allowBadChecksum: true })
  @IsString()
  uscc!: string;

  /** 审批件号: the decision's own identifier in the 审批局's system. */
  @Matches(LINKAGE_ID, { message: 'approvalId must be 1-64 letters, digits or ._:- starting with a letter or digit' })
  @IsString()
  approvalId!: string;

  /** The approval matter (事项) decided, from the zone's catalogue. */
  @Matches(MATTER_CODE, { message: 'matterCode must be upper-case letters, digits and -, e.g. SPJ-SPJY-001' })
  @IsString()
  matterCode!: string;

  /** 许可证编号. */
  @Matches(/^\S.{0,99}$/, { message: 'licenceNo must be 1-100 characters' })
  @IsString()
  licenceNo!: string;

  /** When the decision was made (作出决定); the 2-working-day push limit runs from here. */
  @IsRfc3339()
  @IsString()
  decidedAt!: string;
}
