import {
  DEAD_LETTER_TOPIC_PATTERN,
  DeadLetterHeaders,
  EGRESS_TOPIC_PATTERN,
  INGRESS_TOPIC_PATTERN,
  Topics,
  deadLetterTopic,
  departmentOfIngressTopic,
  egressTopic,
  ingressTopic,
  isDeadLetterTopic,
  isTopic,
} from './topics';
import { TOPIC_PATTERN } from './naming';

describe('topics', () => {
  it('names every topic zone.<domain>.<aggregate>.v<N>', () => {
    for (const topic of Object.values(Topics)) expect(topic).toMatch(TOPIC_PATTERN);
    expect(isTopic('zone.approval.enterprise.v1')).toBe(true);
    expect(isTopic('zone.approval.enterprise.v2')).toBe(false);
  });

  it('gives each department an ingress topic, and reads the department back', () => {
    expect(ingressTopic('SPJ')).toBe('zone.ingress.spj.v1');
    expect(ingressTopic('SCJG')).toBe('zone.ingress.scjg.v1');
    expect(() => ingressTopic('spj')).toThrow(/unknown department/);
    expect(departmentOfIngressTopic('zone.ingress.scjg.v1')).toBe('SCJG');
    expect(departmentOfIngressTopic('t42-zone.ingress.yjj.v1')).toBe('YJJ');
    expect(() => departmentOfIngressTopic('zone.ingress.nope.v1')).toThrow(/not the ingress topic/);
    expect(() => departmentOfIngressTopic('zone.approval.enterprise.v1')).toThrow(/not the ingress topic/);
  });

  it('matches ingress topics, prefixed or not, and nothing else', () => {
    expect(INGRESS_TOPIC_PATTERN.test('zone.ingress.spj.v1')).toBe(true);
    expect(INGRESS_TOPIC_PATTERN.test('t42-zone.ingress.spj.v1')).toBe(true);
    expect(INGRESS_TOPIC_PATTERN.test('zone.ingress.spj.v1.dlq')).toBe(false);
    expect(INGRESS_TOPIC_PATTERN.test('zone.approval.enterprise.v1')).toBe(false);
  });

  it('gives each department an egress topic, apart from its ingress topic', () => {
    expect(egressTopic('SCJG')).toBe('zone.egress.scjg.v1');
    expect(() => egressTopic('scjg')).toThrow(/unknown department/);
    expect(EGRESS_TOPIC_PATTERN.test('t42-zone.egress.scjg.v1')).toBe(true);
    expect(EGRESS_TOPIC_PATTERN.test('zone.egress.scjg.v1.dlq')).toBe(false);
    expect(INGRESS_TOPIC_PATTERN.test(egressTopic('SCJG'))).toBe(false);
    expect(EGRESS_TOPIC_PATTERN.test(ingressTopic('SCJG'))).toBe(false);
  });

  it('names dead-letter topics <topic>.dlq', () => {
    expect(deadLetterTopic(Topics.ApprovalEnterpriseV1)).toBe('zone.approval.enterprise.v1.dlq');
    expect(deadLetterTopic('t42-zone.ingress.spj.v1')).toBe('t42-zone.ingress.spj.v1.dlq');
    expect(() => deadLetterTopic('zone.approval.enterprise.v1.dlq')).toThrow(/already a dead-letter topic/);
    expect(() => deadLetterTopic('zone approval')).toThrow(/legal Kafka topic name/);
    expect(() => deadLetterTopic('')).toThrow(/legal Kafka topic name/);
    expect(isDeadLetterTopic('zone.approval.enterprise.v1.dlq')).toBe(true);
    expect(isDeadLetterTopic('zone.approval.enterprise.v1')).toBe(false);
    expect(DEAD_LETTER_TOPIC_PATTERN.test('zone.approval.enterprise.v1.dlq')).toBe(true);
    expect(DEAD_LETTER_TOPIC_PATTERN.test('t42-zone.ingress.spj.v1.dlq')).toBe(true);
    expect(DEAD_LETTER_TOPIC_PATTERN.test('zone.approval.enterprise.v1')).toBe(false);
  });

  it('keeps the dead-letter header names', () => {
    expect(DeadLetterHeaders).toEqual({
      reason: 'hub-dlq-reason',
      errors: 'hub-dlq-errors',
      originalTopic: 'hub-dlq-original-topic',
      originalPartition: 'hub-dlq-original-partition',
      originalOffset: 'hub-dlq-original-offset',
      consumer: 'hub-dlq-consumer',
      attempts: 'hub-dlq-attempts',
      originalTimestamp: 'hub-dlq-original-timestamp',
      truncated: 'hub-dlq-truncated',
    });
  });
});
