import { DEAD_LETTER_TOPIC_PATTERN, INGRESS_TOPIC_PATTERN } from '@hub/contracts';
import { ownTopics } from './hub-kafka.server';

describe('ownTopics', () => {
  it("matches the deployment's own prefixed topics only", () => {
    const ingress = ownTopics('t-1a.', INGRESS_TOPIC_PATTERN);
    expect(ingress.test('t-1a.zone.ingress.spj.v1')).toBe(true);
    expect(ingress.test('t-2b.zone.ingress.spj.v1')).toBe(false);
    expect(ingress.test('zone.ingress.spj.v1')).toBe(false);
    expect(ingress.test('t-1a.zone.ingress.spj.v1.dlq')).toBe(false);
  });

  it('keeps an unprefixed hub off every prefixed topic', () => {
    const dlq = ownTopics('', DEAD_LETTER_TOPIC_PATTERN);
    expect(dlq.test('zone.approval.enterprise.v1.dlq')).toBe(true);
    expect(dlq.test('t-1a.zone.approval.enterprise.v1.dlq')).toBe(false);
  });

  it('takes the prefix literally', () => {
    expect(ownTopics('a.', INGRESS_TOPIC_PATTERN).test('abzone.ingress.spj.v1')).toBe(false);
  });
});
