import { defineEventType } from '../../../registry/event-type.definition';
import { Topics } from '../../../registry/topics';
import { EnterpriseDeregisteredV1Payload } from './enterprise-deregistered-v1.payload';

/** `EnterpriseDeregisteredV1` names both the declaration (a value) and its payload (a type): `CloudEvent<EnterpriseDeregisteredV1>`. */
export type EnterpriseDeregisteredV1 = EnterpriseDeregisteredV1Payload;
export const EnterpriseDeregisteredV1 = defineEventType({
  type: 'zone.approval.enterprise.deregistered.v1',
  version: 1,
  owner: 'SPJ',
  topic: Topics.ApprovalEnterpriseV1,
  payload: EnterpriseDeregisteredV1Payload,
  key: 'uscc',
  summary: '审批局 deregistered an enterprise (注销登记); supervision and inspection stop targeting it.',
  example: {
    uscc: '91130871MA0CXQ123U',
    deregisteredOn: '2027-03-31',
    reason: '决议解散',
  },
});
