import { defineEventType } from '../../../registry/event-type.definition';
import { EACH_DEPARTMENT } from '../../../registry/owners';
import { Topics } from '../../../registry/topics';
import { LICENCE_STATUS_EXAMPLE } from '../registry-examples';
import { LicenceStatusBase } from '../licence-record.base';

/** `ELicenceExpiredV1` names both the declaration (a value) and its payload (a type). */
export type ELicenceExpiredV1 = LicenceStatusBase;
export const ELicenceExpiredV1 = defineEventType({
  type: 'zone.registry.e-licence.expired.v1',
  version: 1,
  owner: EACH_DEPARTMENT,
  topic: Topics.RegistryLicenceV1,
  payload: LicenceStatusBase,
  key: 'licenceId',
  summary: 'An e-licence expired (过期) past its validity, as its issuer records it.',
  example: LICENCE_STATUS_EXAMPLE,
});
