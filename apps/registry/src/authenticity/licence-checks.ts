import { AUTHENTICITY_CHECKS, AuthenticityCheck, LicenceRecordBase, parseLicenceId } from '@hub/contracts';
import type { CheckResults, LicenceStatus, LicenceTypeRow } from '../registry/registry-rows';
import { sm3Hex, verifySm2 } from './sm2';

/** What the checks of 真实有效 look at besides the record itself. */
export interface CheckContext {
  /** The department whose system published the record. */
  department: string;
  /** The licence type of the identifier's type code, if the catalogue has it. */
  licenceType?: LicenceTypeRow;
  /** The issuer's registered key, if any. */
  issuerKey?: { department: string; publicKeyHex: string };
  /** The file's bytes as the event carried them. */
  file: Buffer;
  /** The status the record would have, and whether the lifecycle allowed the step to it. */
  status: LicenceStatus;
  transition: { ok: true } | { ok: false; detail: string };
  /** The approval's decision on the licence, when the registry received one (`revoked`, `cancelled`…). */
  decision?: string;
  /** Today's date, YYYY-MM-DD in Beijing time. */
  today: string;
}

export const ACTIVE_STATUSES: readonly LicenceStatus[] = ['issued', 'changed', 'renewed'];

/** Every check of 真实有效 on a signed record (issued, changed, renewed), each with why it failed. */
export function checkRecord(record: LicenceRecordBase, context: CheckContext): CheckResults {
  return {
    identifier: identifierCheck(record, context),
    digest: digestCheck(record, context.file),
    ...keyAndSignature(record, context),
    status: statusCheck(record, context),
  };
}

/** The first failing check in the order of AUTHENTICITY_CHECKS, and its detail; none when all pass. */
export function firstFailure(checks: CheckResults): { check: AuthenticityCheck; detail: string } | undefined {
  const check = AUTHENTICITY_CHECKS.find((c) => !checks[c].ok);
  return check ? { check, detail: checks[check].detail ?? check } : undefined;
}

function identifierCheck(record: LicenceRecordBase, context: CheckContext): CheckResults['identifier'] {
  const parsed = parseLicenceId(record.licenceId);
  if (!parsed.valid) return { ok: false, detail: `证照标识 不符合 GB/T 36904: ${parsed.reason}` };
  if (parsed.parts.issuer !== record.issuer) {
    return { ok: false, detail: `证照标识 names issuer ${parsed.parts.issuer}, the record ${record.issuer}` };
  }
  if (!context.licenceType)
    return { ok: false, detail: `licence type ${parsed.parts.typeCode} is not in the catalogue` };
  return { ok: true };
}

function digestCheck(record: LicenceRecordBase, file: Buffer): CheckResults['digest'] {
  const actual = sm3Hex(file);
  return actual === record.fileDigest.toLowerCase()
    ? { ok: true }
    : { ok: false, detail: `file SM3 is ${actual}, the record states ${record.fileDigest.toLowerCase()}` };
}

/** The issuer key and signature checks alone, as they are made again when the issuer's key is registered. */
export function keyAndSignature(
  record: Pick<LicenceRecordBase, 'issuer' | 'signature' | 'signerId'>,
  context: Pick<CheckContext, 'department' | 'licenceType' | 'issuerKey' | 'file'>,
): Pick<CheckResults, 'issuerKey' | 'signature'> {
  const key = context.issuerKey;
  if (!key) {
    return {
      issuerKey: { ok: false, detail: `no public key registered for issuer ${record.issuer}` },
      signature: { ok: false, detail: 'not verifiable without the issuer key' },
    };
  }
  const issuing = context.licenceType?.issuingDepartments;
  const issuerKey: CheckResults['issuerKey'] =
    key.department !== context.department
      ? {
          ok: false,
          detail: `issuer ${record.issuer}'s key is registered by ${key.department}, not ${context.department}`,
        }
      : issuing && !issuing.includes(context.department)
        ? { ok: false, detail: `${context.department} is not an issuing department of this licence type` }
        : { ok: true };
  const signed = verifySm2(context.file, Buffer.from(record.signature, 'base64'), key.publicKeyHex, record.signerId);
  return {
    issuerKey,
    signature: signed
      ? { ok: true }
      : { ok: false, detail: `SM2 signature does not verify with issuer ${record.issuer}'s registered key` },
  };
}

function statusCheck(record: LicenceRecordBase, context: CheckContext): CheckResults['status'] {
  if (!context.transition.ok) return { ok: false, detail: context.transition.detail };
  return statusAgainstFacts(context.status, record.validFrom, record.validUntil, context);
}

/** The status check alone, as it is made again when the approval's decision or a status change arrives. */
export function statusAgainstFacts(
  status: LicenceStatus,
  validFrom: string,
  validUntil: string | null | undefined,
  context: Pick<CheckContext, 'decision' | 'today' | 'licenceType'>,
): CheckResults['status'] {
  const active = ACTIVE_STATUSES.includes(status);
  if (active && (context.decision === 'revoked' || context.decision === 'cancelled')) {
    return { ok: false, detail: `the approval was ${context.decision}, the e-licence is still ${status}` };
  }
  if (validUntil && validUntil < validFrom)
    return { ok: false, detail: `valid until ${validUntil} before ${validFrom}` };
  const months = context.licenceType?.validityMonths;
  if (validUntil && months && validUntil > addMonths(validFrom, months)) {
    return { ok: false, detail: `valid until ${validUntil}: longer than the type's ${months} months` };
  }
  if (active && validUntil && validUntil < context.today) {
    return { ok: false, detail: `past its validity (${validUntil}) and not recorded as expired` };
  }
  return { ok: true };
}

/** The last day of a validity of `months` starting on `from` (YYYY-MM-DD). */
export function addMonths(from: string, months: number): string {
  const [y, m, d] = from.split('-').map(Number) as [number, number, number];
  const end = new Date(Date.UTC(y, m - 1 + months, d - 1));
  return end.toISOString().slice(0, 10);
}

const NEXT: Readonly<Record<string, readonly LicenceStatus[]>> = {
  none: ['issued'],
  // An issuer may send its first version again, corrected.
  issued: ['issued', 'changed', 'renewed', 'suspended', 'expired', 'revoked', 'cancelled'],
  changed: ['changed', 'renewed', 'suspended', 'expired', 'revoked', 'cancelled'],
  renewed: ['changed', 'renewed', 'suspended', 'expired', 'revoked', 'cancelled'],
  suspended: ['changed', 'renewed', 'expired', 'revoked', 'cancelled'],
  expired: ['renewed', 'cancelled'],
  revoked: [],
  cancelled: [],
};

/** Whether the lifecycle allows going from `from` (none: no record yet) to `to`. */
export function transitionOf(
  from: LicenceStatus | 'none',
  to: LicenceStatus,
): { ok: true } | { ok: false; detail: string } {
  if (NEXT[from]!.includes(to)) return { ok: true };
  return { ok: false, detail: from === 'none' ? `${to} before the e-licence was issued` : `${to} after ${from}` };
}
