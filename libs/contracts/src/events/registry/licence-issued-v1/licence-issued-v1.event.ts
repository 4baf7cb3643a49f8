import { defineEventType } from '../../../registry/event-type.definition';
import { EACH_DEPARTMENT } from '../../../registry/owners';
import { Topics } from '../../../registry/topics';
import { LICENCE_EXAMPLE } from '../registry-examples';
import { LicenceRecordBase } from '../licence-record.base';

/** `ELicenceIssuedV1` names both the declaration (a value) and its payload (a type). */
export type ELicenceIssuedV1 = LicenceRecordBase;
export const ELicenceIssuedV1 = defineEventType({
  type: 'zone.registry.e-licence.issued.v1',
  version: 1,
  owner: EACH_DEPARTMENT,
  topic: Topics.RegistryLicenceV1,
  payload: LicenceRecordBase,
  key: 'licenceId',
  summary:
    "An issuing department's system aggregates an e-licence (电子证照) it issued: the record, its file, the file's SM3 digest and the issuer's SM2 signature over the file.",
  example: LICENCE_EXAMPLE,
});
