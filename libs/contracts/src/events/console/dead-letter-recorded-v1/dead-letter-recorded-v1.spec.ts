import 'reflect-metadata';
import { createEvent } from '../../../registry/create-event';
import { defineEventType, recipientOf } from '../../../registry/event-type.definition';
import { eventTypeRegistry } from '../../event-types';
import { DeadLetterRecordedV1 } from './dead-letter-recorded-v1.event';

const failures = (change: object): string[] => {
  const data = { ...DeadLetterRecordedV1.example, ...change } as never;
  const event = createEvent(DeadLetterRecordedV1, data, { source: '/apps/console' });
  return eventTypeRegistry.validate(event).errors.map((e) => `${e.field}:${e.rule}`);
};

describe('zone.console.dead-letter.recorded.v1 (a publisher told of its dead letter)', () => {
  it('is registered, owned by the console, keyed by the letter and addressed to the publishing department', () => {
    expect(eventTypeRegistry.get('zone.console.dead-letter.recorded.v1')).toBe(DeadLetterRecordedV1);
    expect(DeadLetterRecordedV1).toMatchObject({
      owner: 'console',
      topic: 'zone.console.dead-letter.v1',
      key: 'deadLetterId',
      recipient: 'department',
    });
  });

  it('has an example that validates, and a schema requiring what a publisher needs to act', () => {
    expect(failures({})).toEqual([]);
    expect(eventTypeRegistry.jsonSchema(DeadLetterRecordedV1.type)?.required).toEqual(
      expect.arrayContaining(['deadLetterId', 'department', 'consumer', 'reason', 'originalTopic', 'deadLetteredAt']),
    );
  });

  it('takes a letter whose message was not a readable event (no id, source or type)', () => {
    const { eventId: _id, eventSource: _source, eventType: _type, ...unreadable } = DeadLetterRecordedV1.example;
    const event = createEvent(DeadLetterRecordedV1, unreadable, { source: '/apps/console' });
    expect(eventTypeRegistry.validate(event).errors).toEqual([]);
  });

  it.each([
    ['an unknown department', { department: 'XX' }, 'data.department:isDepartmentCode'],
    ['a letter id that is not one', { deadLetterId: '0' }, 'data.deadLetterId:matches'],
    ['an empty reason', { reason: '' }, 'data.reason:isLength'],
    ['a reason over 1 000 characters', { reason: 'x'.repeat(1001) }, 'data.reason:isLength'],
    ['an event id over 256 characters', { eventId: 'x'.repeat(257) }, 'data.eventId:isLength'],
    ['a partition below -1', { originalPartition: -2 }, 'data.originalPartition:min'],
    ['an offset that is not a number', { originalOffset: '12a' }, 'data.originalOffset:matches'],
    ['a fraction of an attempt', { attempts: 1.5 }, 'data.attempts:isInt'],
    ['a time that is not RFC 3339', { deadLetteredAt: 'yesterday' }, 'data.deadLetteredAt:isRfc3339'],
  ])('refuses %s', (_, change, failure) => {
    expect(failures(change)).toEqual([failure]);
  });

  it('names its recipient: the department in the payload, and nobody when it names none', () => {
    expect(recipientOf(DeadLetterRecordedV1, DeadLetterRecordedV1.example)).toBe('SPJ');
    expect(recipientOf(DeadLetterRecordedV1, { ...DeadLetterRecordedV1.example, department: 'XX' })).toBeUndefined();
    expect(recipientOf(DeadLetterRecordedV1, { deadLetterId: '1' })).toBeUndefined();
    expect(recipientOf(DeadLetterRecordedV1, null)).toBeUndefined();
  });

  it('is, with the inspection tasks and their notices, a type with a recipient; an ordinary type has none', () => {
    expect(
      eventTypeRegistry
        .all()
        .filter((d) => d.recipient !== undefined)
        .map((d) => d.type),
    ).toEqual([
      DeadLetterRecordedV1.type,
      'zone.inspection.task.assigned.v1',
      'zone.inspection.task.cancelled.v1',
      'zone.inspection.task.publication-overdue.v1',
    ]);
    const registered = eventTypeRegistry.get('zone.approval.enterprise.registered.v1')!;
    expect(recipientOf(registered, { ...registered.example, department: 'SPJ' })).toBeUndefined();
  });

  it('refuses a declaration whose example names no department as the recipient', () => {
    expect(() => defineEventType({ ...DeadLetterRecordedV1, recipient: 'consumer', key: 'deadLetterId' })).toThrow(
      /example.consumer must be a department code/,
    );
  });
});
