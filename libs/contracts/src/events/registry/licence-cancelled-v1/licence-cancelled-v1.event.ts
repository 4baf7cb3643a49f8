import { defineEventType } from '../../../registry/event-type.definition';
import { EACH_DEPARTMENT } from '../../../registry/owners';
import { Topics } from '../../../registry/topics';
import { LICENCE_STATUS_EXAMPLE } from '../registry-examples';
import { LicenceStatusBase } from '../licence-record.base';

/** `ELicenceCancelledV1` names both the declaration (a value) and its payload (a type). */
export type ELicenceCancelledV1 = LicenceStatusBase;
export const ELicenceCancelledV1 = defineEventType({
  type: 'zone.registry.e-licence.cancelled.v1',
  version: 1,
  owner: EACH_DEPARTMENT,
  topic: Topics.RegistryLicenceV1,
  payload: LicenceStatusBase,
  key: 'licenceId',
  summary: 'An e-licence cancelled (注销) by its issuer.',
  example: LICENCE_STATUS_EXAMPLE,
});
