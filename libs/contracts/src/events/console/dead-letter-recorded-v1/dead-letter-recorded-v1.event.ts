import { defineEventType } from '../../../registry/event-type.definition';
import { Topics } from '../../../registry/topics';
import { DeadLetterRecordedV1Payload } from './dead-letter-recorded-v1.payload';

/** `DeadLetterRecordedV1` names both the declaration (a value) and its payload (a type). */
export type DeadLetterRecordedV1 = DeadLetterRecordedV1Payload;
export const DeadLetterRecordedV1 = defineEventType({
  type: 'zone.console.dead-letter.recorded.v1',
  version: 1,
  owner: 'console',
  topic: Topics.ConsoleDeadLetterV1,
  payload: DeadLetterRecordedV1Payload,
  key: 'deadLetterId',
  recipient: 'department',
  summary:
    "A consumer dead-lettered an event a department published (the console's copy): which event, which consumer, and why. Delivered to the publishing department's subscriptions alone, without an entitlement; never to another department.",
  example: {
    deadLetterId: '4711',
    department: 'SPJ',
    eventId: 'example-enterprise-deregistered-1',
    eventSource: '/departments/SPJ/systems/example',
    eventType: 'zone.approval.enterprise.deregistered.v1',
    consumer: 'supervision',
    reason: 'data.uscc: enterprise 91130871MA0CXQ123U is not in the directory',
    attempts: 1,
    originalTopic: 'zone.approval.enterprise.v1',
    originalPartition: 2,
    originalOffset: '1042',
    deadLetteredAt: '2026-11-27T08:00:05.000Z',
  },
});
