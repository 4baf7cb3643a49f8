import { defineEventType } from '../../../registry/event-type.definition';
import { Topics } from '../../../registry/topics';
import { TargetFrequencyExceededV1Payload } from './target-frequency-exceeded-v1.payload';

/** `TargetFrequencyExceededV1` names both the declaration (a value) and its payload (a type). */
export type TargetFrequencyExceededV1 = TargetFrequencyExceededV1Payload;
export const TargetFrequencyExceededV1 = defineEventType({
  type: 'zone.inspection.target.frequency-exceeded.v1',
  version: 1,
  owner: 'inspection',
  topic: Topics.InspectionTargetV1,
  payload: TargetFrequencyExceededV1Payload,
  key: 'uscc',
  summary:
    'An enterprise was drawn for more inspections this year, across all departments, than the configured threshold (规范涉企行政检查: 多头检查、重复检查).',
  example: {
    uscc: '91130871MA0CXQ123U',
    year: 2026,
    inspections: 4,
    threshold: 3,
    planIds: ['SCJG-2026-01', 'YJJ-2026-02', 'STHJ-2026-01', 'DEMO-2026-01'],
  },
});
