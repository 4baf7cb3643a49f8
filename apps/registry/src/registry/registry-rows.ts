import type { AuthenticityCheck, GapKind, SealHolderKind, SealType } from '@hub/contracts';

/** Rows of the registry's schema, as its raw SQL reads them (snake_case columns, camelCase here). */
export interface LicenceTypeRow {
  typeCode: string;
  name: string;
  issuingDepartments: string[];
  matterCodes: string[];
  readerDepartments: string[];
  validityMonths: number | null;
  establishes: boolean;
  updatedAt: Date;
  updatedBy: string;
}

export interface IssuerKeyRow {
  issuer: string;
  department: string;
  publicKeyPem: string;
  publicKeyHex: string;
  registeredAt: Date;
  registeredBy: string;
}

export interface GrantedLicenceRow {
  approvalId: string;
  uscc: string;
  matterCode: string;
  licenceType: string;
  department: string;
  decidedAt: Date;
  decision: string;
  licenceId: string | null;
  aggregatedAt: Date | null;
  delayMs: number | null;
}

export type LicenceStatus = 'issued' | 'changed' | 'renewed' | 'suspended' | 'expired' | 'revoked' | 'cancelled';
export type CheckResults = Record<AuthenticityCheck, { ok: boolean; detail?: string }>;

export interface LicenceRow {
  licenceId: string;
  licenceType: string | null;
  issuer: string;
  department: string;
  licenceName: string;
  holderKind: string;
  holderUscc: string | null;
  holderName: string | null;
  personName: string | null;
  personIdNumber: string | null;
  approvalId: string | null;
  issuedOn: string;
  validFrom: string;
  validUntil: string | null;
  status: LicenceStatus;
  version: number;
  fileDigest: string;
  receivedAt: Date;
  updatedAt: Date;
  checks: CheckResults;
  failedCheck: AuthenticityCheck | null;
  failedDetail: string | null;
}

export interface SealRow {
  sealCode: string;
  uscc: string;
  sealType: SealType;
  sealName: string;
  holderKind: SealHolderKind;
  holderName: string;
  validFrom: string;
  validUntil: string;
  certificateSubject: string;
  certificateSerial: string;
  department: string;
  status: 'made' | 'cancelled';
  madeAt: Date;
  filedAt: Date | null;
  filingNo: string | null;
  version: number;
  updatedAt: Date;
}

export interface EstablishmentRow {
  uscc: string;
  approvalId: string;
  department: string;
  establishedAt: Date;
  dueAt: Date;
  sealsCompleteAt: Date | null;
  alerted: boolean;
}

export interface GapRow {
  gapId: string;
  kind: GapKind;
  subject: string;
  uscc: string | null;
  department: string | null;
  licenceType: string | null;
  check: AuthenticityCheck | null;
  since: Date;
  detail: string;
  openedAt: Date;
  closedAt: Date | null;
  resolution: string | null;
}

/** snake_case row from PostgreSQL → camelCase. */
export function camelRow<T>(row: Record<string, unknown>): T {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row))
    out[key.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase())] = value;
  return out as T;
}

export function snake(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}
