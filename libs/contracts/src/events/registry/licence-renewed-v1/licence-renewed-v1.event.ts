import { defineEventType } from '../../../registry/event-type.definition';
import { EACH_DEPARTMENT } from '../../../registry/owners';
import { Topics } from '../../../registry/topics';
import { LICENCE_EXAMPLE } from '../registry-examples';
import { LicenceRecordBase } from '../licence-record.base';

/** `ELicenceRenewedV1` names both the declaration (a value) and its payload (a type). */
export type ELicenceRenewedV1 = LicenceRecordBase;
export const ELicenceRenewedV1 = defineEventType({
  type: 'zone.registry.e-licence.renewed.v1',
  version: 1,
  owner: EACH_DEPARTMENT,
  topic: Topics.RegistryLicenceV1,
  payload: LicenceRecordBase,
  key: 'licenceId',
  summary: 'An e-licence renewed (延续): its new validity, signed again.',
  example: { ...LICENCE_EXAMPLE, validFrom: '2031-11-20', validUntil: '2036-11-19', at: '2031-11-01T09:00:00+08:00' },
});
