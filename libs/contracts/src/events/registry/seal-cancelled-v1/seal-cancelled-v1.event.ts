import { defineEventType } from '../../../registry/event-type.definition';
import { EACH_DEPARTMENT } from '../../../registry/owners';
import { Topics } from '../../../registry/topics';
import { SEAL_EXAMPLE } from '../registry-examples';
import { SealCancelledV1Payload } from './seal-cancelled-v1.payload';

/** `SealCancelledV1` names both the declaration (a value) and its payload (a type). */
export type SealCancelledV1 = SealCancelledV1Payload;
export const SealCancelledV1 = defineEventType({
  type: 'zone.registry.seal.cancelled.v1',
  version: 1,
  owner: EACH_DEPARTMENT,
  topic: Topics.RegistrySealV1,
  payload: SealCancelledV1Payload,
  key: 'uscc',
  summary: 'An e-seal cancelled (注销), with the reason; cancelling is filed too.',
  example: {
    sealCode: SEAL_EXAMPLE.sealCode,
    uscc: SEAL_EXAMPLE.uscc,
    at: '2027-06-01T09:00:00+08:00',
    reason: '企业注销',
  },
});
