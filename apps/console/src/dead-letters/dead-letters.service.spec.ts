import { DeadLetterHeaders } from '@hub/contracts';
import { notReplayable, originalRecord } from './dead-letters.service';
import { DeadLetter } from './entities/dead-letter.entity';

describe('originalRecord', () => {
  it('is the message as first read: original topic, key and value, without the hub-dlq-* headers', () => {
    const letter = Object.assign(new DeadLetter(), {
      originalTopic: 't-1.zone.enterprise.registration.v1',
      key: '911308001234567890',
      valueBase64: Buffer.from([0xff, 0x00, 0x41]).toString('base64'),
      headers: {
        ce_id: 'e-1',
        'content-type': 'application/cloudevents+json',
        ...Object.fromEntries(Object.values(DeadLetterHeaders).map((name) => [name, 'x'])),
      },
    });
    expect(originalRecord(letter)).toEqual({
      topic: 't-1.zone.enterprise.registration.v1',
      key: '911308001234567890',
      value: Buffer.from([0xff, 0x00, 0x41]),
      headers: { ce_id: 'e-1', 'content-type': 'application/cloudevents+json' },
    });
  });
});

describe('notReplayable', () => {
  const now = new Date('2026-12-10T12:00:00Z');
  const letter = (change: Partial<DeadLetter>): DeadLetter =>
    Object.assign(new DeadLetter(), {
      incomplete: null,
      originalAt: new Date('2026-12-09T12:00:00Z'),
      receivedAt: new Date('2026-12-09T12:00:05Z'),
      ...change,
    });

  it('lets a whole letter within the retention be replayed', () => {
    expect(notReplayable(letter({}), 168, now)).toBeUndefined();
  });

  it('refuses a letter whose original is older than the retention, counting from the earlier of its times', () => {
    expect(notReplayable(letter({}), 23, now)).toMatchObject({ field: 'originalAt', rule: 'withinRetention' });
    const future = letter({ originalAt: new Date('2026-12-10T11:00:00Z') });
    expect(notReplayable(future, 23, now)).toMatchObject({ rule: 'withinRetention' });
    expect(notReplayable(letter({ originalAt: null }), 23, now)).toMatchObject({ rule: 'withinRetention' });
    expect(notReplayable(letter({}), 0, now)).toBeUndefined();
  });

  it('refuses a letter that is not the whole original', () => {
    expect(notReplayable(letter({ incomplete: 'cut to fit' }), 168, now)).toMatchObject({
      field: 'incomplete',
      rule: 'isComplete',
    });
  });
});
