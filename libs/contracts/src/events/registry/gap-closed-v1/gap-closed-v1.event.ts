import { defineEventType } from '../../../registry/event-type.definition';
import { Topics } from '../../../registry/topics';
import { GAP_EXAMPLE } from '../registry-examples';
import { GapClosedV1Payload } from './gap-closed-v1.payload';

/** `GapClosedV1` names both the declaration (a value) and its payload (a type). */
export type GapClosedV1 = GapClosedV1Payload;
export const GapClosedV1 = defineEventType({
  type: 'zone.registry.gap.closed.v1',
  version: 1,
  owner: 'registry',
  topic: Topics.RegistryGapV1,
  payload: GapClosedV1Payload,
  key: 'gapId',
  summary: 'A gap closed by itself: the missing record arrived, or a corrected one checks out.',
  example: { ...GAP_EXAMPLE, closedAt: '2026-11-20T10:05:00+08:00', resolution: 'the e-licence arrived' },
});
