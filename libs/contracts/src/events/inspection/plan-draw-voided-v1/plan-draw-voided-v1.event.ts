import { defineEventType } from '../../../registry/event-type.definition';
import { Topics } from '../../../registry/topics';
import { PlanDrawVoidedV1Payload } from './plan-draw-voided-v1.payload';

/** `PlanDrawVoidedV1` names both the declaration (a value) and its payload (a type). */
export type PlanDrawVoidedV1 = PlanDrawVoidedV1Payload;
export const PlanDrawVoidedV1 = defineEventType({
  type: 'zone.inspection.plan.draw-voided.v1',
  version: 1,
  owner: 'inspection',
  topic: Topics.InspectionPlanV1,
  payload: PlanDrawVoidedV1Payload,
  key: 'planId',
  summary:
    'A draw was voided (an unstaffed team, a conflict found late…), with the reason and who voided it; its tasks are cancelled and the plan is locked again for an audited redraw.',
  example: {
    planId: 'DEMO-2026-01',
    drawId: 'DEMO-2026-01.1',
    reason: '抽中的检查人员与企业存在利害关系，需回避',
    actor: 'scjg-supervisor-01',
    voidedAt: '2026-12-02T11:00:00+08:00',
  },
});
