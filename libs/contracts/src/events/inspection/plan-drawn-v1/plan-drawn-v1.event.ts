import { defineEventType } from '../../../registry/event-type.definition';
import { Topics } from '../../../registry/topics';
import { PlanDrawnV1Payload } from './plan-drawn-v1.payload';

/** `PlanDrawnV1` names both the declaration (a value) and its payload (a type). */
export type PlanDrawnV1 = PlanDrawnV1Payload;
export const PlanDrawnV1 = defineEventType({
  type: 'zone.inspection.plan.drawn.v1',
  version: 1,
  owner: 'inspection',
  topic: Topics.InspectionPlanV1,
  payload: PlanDrawnV1Payload,
  key: 'planId',
  summary:
    "An inspection plan was drawn with the witness's entropy; the secret is revealed and the whole record is public (GET /v1/public/draws/<drawId>).",
  example: {
    planId: 'DEMO-2026-01',
    drawId: 'DEMO-2026-01.1',
    lock: 1,
    entropy: 'witness-entropy-42',
    secretHex: 'a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1',
    seedHex: '49de336db179d727fa76ad1f6163a5fb6ade47bc5d274d09727435ede6de9b49',
    commitment: '52fe6094743bfd4f9be4321d98adc7e23c1ab622b0ba830e271d1ee1cbfd7850',
    targets: 4,
    unstaffed: 0,
    drawnAt: '2026-12-02T10:00:00+08:00',
  },
});
