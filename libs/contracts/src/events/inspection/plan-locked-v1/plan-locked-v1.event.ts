import { defineEventType } from '../../../registry/event-type.definition';
import { Topics } from '../../../registry/topics';
import { PlanLockedV1Payload } from './plan-locked-v1.payload';

/** `PlanLockedV1` names both the declaration (a value) and its payload (a type). */
export type PlanLockedV1 = PlanLockedV1Payload;
export const PlanLockedV1 = defineEventType({
  type: 'zone.inspection.plan.locked.v1',
  version: 1,
  owner: 'inspection',
  topic: Topics.InspectionPlanV1,
  payload: PlanLockedV1Payload,
  key: 'planId',
  summary:
    "An inspection plan was locked: candidates and eligible inspectors fixed, the draw's commitment and candidate digest published before the witness's entropy is known (SSGK-DRAW-1).",
  example: {
    planId: 'SCJG-2026-01',
    lock: 1,
    leadDepartment: 'SCJG',
    departments: ['SCJG', 'YJJ'],
    commitment: '52fe6094743bfd4f9be4321d98adc7e23c1ab622b0ba830e271d1ee1cbfd7850',
    candidateDigest: '2f00a501e207147d32a347185da9a6714c0e8b4842f2cd0ac380d2441f6f990d',
    candidates: 5,
    excluded: 1,
    inspectionDate: '2026-12-15',
    lockedAt: '2026-12-01T09:00:00+08:00',
  },
});
