import {
  DeadLetterHeaders,
  DeadLetterRecordedV1,
  EnterpriseDeregisteredV1,
  createEvent,
  eventTypeRegistry,
  toKafkaMessage,
} from '@hub/contracts';
import { RawKafkaMessage } from '@hub/messaging';
import { CONSOLE_SOURCE, deadLetterNotice, publisherOf } from './dead-letter-notice';
import { deadLetterRow } from './dead-letters.consumer';

const SPJ_SOURCE = '/departments/SPJ/systems/registration';

/** A dead letter of `event` from `originalTopic`, as the console reads it off the topic's `.dlq`. */
function letterOf(
  event: Record<string, unknown>,
  originalTopic: string,
  mode: 'binary' | 'structured' = 'binary',
  extra: Record<string, string> = {},
): RawKafkaMessage {
  const message = toKafkaMessage(event as never, mode);
  const headers = Object.fromEntries(Object.entries(message.headers).map(([name, value]) => [name, String(value)]));
  return {
    meta: {
      topic: `${originalTopic}.dlq`,
      partition: 0,
      offset: '7',
      key: message.key,
      timestamp: String(Date.parse('2026-11-30T01:02:03Z')),
      headers: {
        ...headers,
        [DeadLetterHeaders.reason]: 'data.uscc: enterprise 91130871MA0CXQ123U is not in the directory',
        [DeadLetterHeaders.consumer]: 't1-supervision',
        [DeadLetterHeaders.attempts]: '1',
        [DeadLetterHeaders.originalTopic]: originalTopic,
        [DeadLetterHeaders.originalPartition]: '2',
        [DeadLetterHeaders.originalOffset]: '41',
        ...extra,
      },
    },
    key: message.key,
    value: message.value,
  };
}

const deregistered = createEvent(EnterpriseDeregisteredV1, EnterpriseDeregisteredV1.example, {
  source: SPJ_SOURCE,
  id: 'evt-42',
  department: 'SPJ',
});

function noticeOf(message: RawKafkaMessage) {
  return deadLetterNotice('17', deadLetterRow(message), message);
}

describe('publisherOf (whose event a dead letter was)', () => {
  it.each([
    ['a canonical topic: the department its source names', 't1-zone.approval.enterprise.v1', SPJ_SOURCE, 'SPJ'],
    ["an ingress topic: that topic's department", 'zone.ingress.scjg.v1', '/departments/SCJG/systems/a', 'SCJG'],
    ['an ingress topic, whatever source it claims', 'zone.ingress.scjg.v1', SPJ_SOURCE, 'SCJG'],
    ['an ingress topic, without a readable source', 'zone.ingress.scjg.v1', undefined, 'SCJG'],
    ["an app's own event: nobody", 'zone.supervision.push.v1', '/apps/supervision', undefined],
    [
      'a source naming no known department: nobody',
      'zone.approval.enterprise.v1',
      '/departments/XX/systems/a',
      undefined,
    ],
    ["a subscriber's egress copy: not the publisher", 'zone.egress.scjg.v1', SPJ_SOURCE, undefined],
    ['an ingress topic of no known department: nobody', 'zone.ingress.xx.v1', SPJ_SOURCE, undefined],
  ])('%s', (_, topic, source, department) => {
    expect(publisherOf(topic, source)).toBe(department);
  });
});

describe('deadLetterNotice (what the publisher is told)', () => {
  it('tells the publishing department which event, which consumer, where and why, as a valid event', () => {
    const notice = noticeOf(letterOf(deregistered as never, 't1-zone.approval.enterprise.v1'));
    expect(notice).toEqual({
      deadLetterId: '17',
      department: 'SPJ',
      eventId: 'evt-42',
      eventSource: SPJ_SOURCE,
      eventType: EnterpriseDeregisteredV1.type,
      consumer: 't1-supervision',
      reason: 'data.uscc: enterprise 91130871MA0CXQ123U is not in the directory',
      attempts: 1,
      originalTopic: 't1-zone.approval.enterprise.v1',
      originalPartition: 2,
      originalOffset: '41',
      deadLetteredAt: '2026-11-30T01:02:03.000Z',
    });
    const event = createEvent(DeadLetterRecordedV1, notice!, { source: CONSOLE_SOURCE });
    expect(eventTypeRegistry.validate(event).errors).toEqual([]);
  });

  it('reads a structured-mode event too', () => {
    const notice = noticeOf(letterOf(deregistered as never, 'zone.approval.enterprise.v1', 'structured'));
    expect(notice).toMatchObject({ department: 'SPJ', eventId: 'evt-42', eventSource: SPJ_SOURCE });
  });

  it('is none for an event no department published', () => {
    const pushed = { ...deregistered, source: '/apps/approval' };
    expect(noticeOf(letterOf(pushed as never, 'zone.approval.enterprise.v1'))).toBeUndefined();
  });

  it('leaves out what would not make a valid event, and cuts a long reason', () => {
    const odd = { ...deregistered, id: 'x'.repeat(300) };
    const message = letterOf(odd as never, 'zone.ingress.spj.v1', 'binary', {
      [DeadLetterHeaders.reason]: '原因'.repeat(800),
    });
    const notice = noticeOf(message)!;
    expect(notice).not.toHaveProperty('eventId');
    expect(notice.reason).toHaveLength(1000);
    expect(notice.reason.endsWith('…')).toBe(true);
    const event = createEvent(DeadLetterRecordedV1, notice, { source: CONSOLE_SOURCE });
    expect(eventTypeRegistry.validate(event).errors).toEqual([]);
  });
});
