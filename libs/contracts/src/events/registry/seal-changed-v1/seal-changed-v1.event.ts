import { defineEventType } from '../../../registry/event-type.definition';
import { EACH_DEPARTMENT } from '../../../registry/owners';
import { Topics } from '../../../registry/topics';
import { SEAL_EXAMPLE } from '../registry-examples';
import { SealRecordBase } from '../seal.base';

/** `SealChangedV1` names both the declaration (a value) and its payload (a type). */
export type SealChangedV1 = SealRecordBase;
export const SealChangedV1 = defineEventType({
  type: 'zone.registry.seal.changed.v1',
  version: 1,
  owner: EACH_DEPARTMENT,
  topic: Topics.RegistrySealV1,
  payload: SealRecordBase,
  key: 'uscc',
  summary: 'An e-seal changed (变更): its new attributes or certificate.',
  example: {
    ...SEAL_EXAMPLE,
    certificate: { ...SEAL_EXAMPLE.certificate, serialNumber: '7A3F09C2' },
    reason: '证书更新',
  },
});
