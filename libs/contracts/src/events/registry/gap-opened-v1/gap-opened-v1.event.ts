import { defineEventType } from '../../../registry/event-type.definition';
import { Topics } from '../../../registry/topics';
import { GAP_EXAMPLE } from '../registry-examples';
import { GapBase } from '../gap.base';

/** `GapOpenedV1` names both the declaration (a value) and its payload (a type). */
export type GapOpenedV1 = GapBase;
export const GapOpenedV1 = defineEventType({
  type: 'zone.registry.gap.opened.v1',
  version: 1,
  owner: 'registry',
  topic: Topics.RegistryGapV1,
  payload: GapBase,
  key: 'gapId',
  summary:
    'The registry found a gap in 应归尽归、实时汇聚、真实有效 or in the e-seals: a licence granted without its e-licence, a record failing a check (named), an enterprise established without its seals in time (the alert), a seal not filed.',
  example: GAP_EXAMPLE,
});
