import { EnterpriseRegisteredV1Payload, maskPersonalData } from '@hub/contracts';
import type { TargetView } from '../directories/targets.repository';

/**
 * An enterprise as the public sees it: no credit-risk class (the grading is the supervisors'), and the person behind
 * an individual business (个体工商户) masked by the contracts' personal-data mark on 法定代表人/经营者.
 */
export function publicTarget(t: TargetView) {
  const operator =
    t.operator === null
      ? null
      : t.kind === 'enterprise'
        ? t.operator
        : maskPersonalData(EnterpriseRegisteredV1Payload, { legalRepresentative: t.operator }).legalRepresentative;
  return {
    uscc: t.uscc,
    name: t.name,
    kind: t.kind,
    operator,
    address: t.address,
    status: t.status,
    licences: t.licences
      .filter((l) => l.status === 'valid')
      .map((l) => ({ matterCode: l.matterCode, licenceNo: l.licenceNo })),
  };
}
