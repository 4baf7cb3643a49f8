import { defineEventType } from '../../../registry/event-type.definition';
import { EACH_DEPARTMENT } from '../../../registry/owners';
import { Topics } from '../../../registry/topics';
import { LICENCE_EXAMPLE } from '../registry-examples';
import { LicenceRecordBase } from '../licence-record.base';

/** `ELicenceChangedV1` names both the declaration (a value) and its payload (a type). */
export type ELicenceChangedV1 = LicenceRecordBase;
export const ELicenceChangedV1 = defineEventType({
  type: 'zone.registry.e-licence.changed.v1',
  version: 1,
  owner: EACH_DEPARTMENT,
  topic: Topics.RegistryLicenceV1,
  payload: LicenceRecordBase,
  key: 'licenceId',
  summary: 'An e-licence changed (变更): its new version, signed again; every version is kept.',
  example: { ...LICENCE_EXAMPLE, holderName: '承德高新区示例食品股份有限公司', at: '2027-01-10T09:00:00+08:00' },
});
