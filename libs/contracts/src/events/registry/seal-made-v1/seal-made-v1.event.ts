import { defineEventType } from '../../../registry/event-type.definition';
import { EACH_DEPARTMENT } from '../../../registry/owners';
import { Topics } from '../../../registry/topics';
import { SEAL_EXAMPLE } from '../registry-examples';
import { SealRecordBase } from '../seal.base';

/** `SealMadeV1` names both the declaration (a value) and its payload (a type). */
export type SealMadeV1 = SealRecordBase;
export const SealMadeV1 = defineEventType({
  type: 'zone.registry.seal.made.v1',
  version: 1,
  owner: EACH_DEPARTMENT,
  topic: Topics.RegistrySealV1,
  payload: SealRecordBase,
  key: 'uscc',
  summary:
    'A seal-making system made an e-seal (电子印章制作), with its GB/T 38540-2020 attributes; it needs filing (备案).',
  example: SEAL_EXAMPLE,
});
