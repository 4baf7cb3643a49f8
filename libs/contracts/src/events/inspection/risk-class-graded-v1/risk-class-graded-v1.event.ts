import { defineEventType } from '../../../registry/event-type.definition';
import { Topics } from '../../../registry/topics';
import { RiskClassGradedV1Payload } from './risk-class-graded-v1.payload';

/** `RiskClassGradedV1` names both the declaration (a value) and its payload (a type). */
export type RiskClassGradedV1 = RiskClassGradedV1Payload;
export const RiskClassGradedV1 = defineEventType({
  type: 'zone.inspection.risk-class.graded.v1',
  version: 1,
  owner: 'SCJG',
  topic: Topics.InspectionRiskClassV1,
  payload: RiskClassGradedV1Payload,
  key: 'uscc',
  summary:
    "市场监管分局 graded an enterprise's credit risk class (A low … D high), which weighs the 双随机 draws; the latest grading counts.",
  example: {
    uscc: '91130871MA0CXQ123U',
    riskClass: 'B',
    gradedOn: '2026-10-08',
    source: '企业信用风险分类管理系统 2026 年第三季度',
  },
});
