import { LicenceRecordBase, maskPersonalData, maskValue } from '@hub/contracts';
import type { AssertedCaller } from '@hub/assertion';
import type { LicenceRow, LicenceTypeRow } from '../../registry-rows';

/** Roles that read any licence whatever their department (they see personal data masked). */
export const READ_ANY_ROLES = ['auditor', 'operator'];

/** Whether the caller may read licences of this type: its issuing or reading departments, or an auditor, operator. */
export function mayRead(caller: AssertedCaller, type: LicenceTypeRow | undefined, licence: LicenceRow): boolean {
  if (caller.kind === 'person' && caller.roles.some((r) => READ_ANY_ROLES.includes(r))) return true;
  if (caller.department === licence.department) return true;
  return !!type && [...type.issuingDepartments, ...type.readerDepartments].includes(caller.department);
}

/**
 * 可用不可见: a natural person's name and ID number are shown only to the issuing department's own systems and its
 * supervisors; every other caller (other departments, viewers, auditors) sees them masked.
 */
export function seesPersonalData(caller: AssertedCaller, licence: LicenceRow): boolean {
  if (caller.department !== licence.department) return false;
  return caller.kind === 'system' || caller.roles.includes('supervisor');
}

/** A licence as a caller sees it, its versions' data masked as it is. */
export function licenceView(
  licence: LicenceRow,
  versions: Record<string, unknown>[],
  unmasked: boolean,
): Record<string, unknown> {
  const history = versions.map((v) => ({
    version: v.version,
    eventId: v.eventId,
    type: v.eventType,
    status: v.status,
    failedCheck: v.failedCheck,
    receivedAt: v.receivedAt,
    data: unmasked ? v.data : maskPersonalData(LicenceRecordBase, v.data),
  }));
  return {
    ...licence,
    personName: licence.personName && !unmasked ? maskValue('name', licence.personName) : licence.personName,
    personIdNumber:
      licence.personIdNumber && !unmasked ? maskValue('identifier', licence.personIdNumber) : licence.personIdNumber,
    masked: !unmasked && licence.holderKind === 'person',
    history,
  };
}
