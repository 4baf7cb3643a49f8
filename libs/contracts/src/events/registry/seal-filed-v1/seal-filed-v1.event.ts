import { defineEventType } from '../../../registry/event-type.definition';
import { EACH_DEPARTMENT } from '../../../registry/owners';
import { Topics } from '../../../registry/topics';
import { SEAL_EXAMPLE } from '../registry-examples';
import { SealFiledV1Payload } from './seal-filed-v1.payload';

/** `SealFiledV1` names both the declaration (a value) and its payload (a type). */
export type SealFiledV1 = SealFiledV1Payload;
export const SealFiledV1 = defineEventType({
  type: 'zone.registry.seal.filed.v1',
  version: 1,
  owner: EACH_DEPARTMENT,
  topic: Topics.RegistrySealV1,
  payload: SealFiledV1Payload,
  key: 'uscc',
  summary: 'The filing authority filed an e-seal (备案): its filing number.',
  example: {
    sealCode: SEAL_EXAMPLE.sealCode,
    uscc: SEAL_EXAMPLE.uscc,
    at: '2026-11-20T11:30:00+08:00',
    filingNo: 'BA-2026-000456',
  },
});
