import { defineEventType } from '../../../registry/event-type.definition';
import { Topics } from '../../../registry/topics';
import { LicenceUnassignedV1Payload } from './licence-unassigned-v1.payload';

/** `LicenceUnassignedV1` names both the declaration (a value) and its payload (a type). */
export type LicenceUnassignedV1 = LicenceUnassignedV1Payload;
export const LicenceUnassignedV1 = defineEventType({
  type: 'zone.approval.licence.unassigned.v1',
  version: 1,
  owner: 'approval',
  topic: Topics.ApprovalLicenceV1,
  payload: LicenceUnassignedV1Payload,
  key: 'uscc',
  summary: 'An approval whose matter has no responsible department waits for the coordinator (unassigned queue).',
  example: {
    uscc: '91130871MA0CXQ123U',
    approvalId: 'SP-2026-000124',
    matterCode: 'SPJ-XX-009',
    licenceNo: 'XX11308710000124',
    decidedAt: '2026-11-20T10:00:00+08:00',
    decision: 'granted',
    matterName: '新设试点事项',
    pushDueDate: '2026-11-24',
    pushDueAt: '2026-11-24T16:00:00.000Z',
    pushDueProvisional: false,
  },
});
