import { defineEventType } from '../../../registry/event-type.definition';
import { Topics } from '../../../registry/topics';
import { EnterpriseRegisteredV1Payload } from './enterprise-registered-v1.payload';

/** `EnterpriseRegisteredV1` names both the declaration (a value) and its payload (a type): `CloudEvent<EnterpriseRegisteredV1>`. */
export type EnterpriseRegisteredV1 = EnterpriseRegisteredV1Payload;
export const EnterpriseRegisteredV1 = defineEventType({
  type: 'zone.approval.enterprise.registered.v1',
  version: 1,
  owner: 'SPJ',
  topic: Topics.ApprovalEnterpriseV1,
  payload: EnterpriseRegisteredV1Payload,
  key: 'uscc',
  summary: '审批局 registered an enterprise (设立登记); its e-seals and supervision follow from this event.',
  example: {
    uscc: '91130871MA0CXQ123U',
    name: '承德高新区示例智能装备有限公司',
    legalRepresentative: '张三',
    address: '河北省承德市双桥区高新技术产业开发区示例路 1 号',
    industryCode: 'C2929',
    establishedOn: '2026-11-20',
    registeredCapitalYuan: 5_000_000,
  },
});
