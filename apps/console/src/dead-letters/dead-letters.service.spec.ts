import { DeadLetterHeaders } from '@hub/contracts';
import { originalRecord } from './dead-letters.service';
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
