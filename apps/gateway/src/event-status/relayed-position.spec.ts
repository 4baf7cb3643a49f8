import { relayedPosition } from './relayed-position';

describe('relayedPosition', () => {
  const batch = {
    hubIds: ['h-a', 'h-b', null, 'h-c'],
    topics: ['t.one', 't.two', 't.one', 't.one'],
    keys: ['k1', 'k2', 'k3', 'k4'],
    written: [
      { topicName: 't.one', partition: 0, baseOffset: '40' },
      { topicName: 't.two', partition: 0, baseOffset: '7' },
    ],
  };

  it("counts the records sent before it to the same partition of its topic, from the broker's first offset", () => {
    expect(relayedPosition(batch, 'h-a', 't.one', 1)).toEqual({ partition: 0, offset: '40' });
    expect(relayedPosition(batch, 'h-b', 't.two', 1)).toEqual({ partition: 0, offset: '7' });
    // After h-a and the record without a hub id; h-b went to another topic.
    expect(relayedPosition(batch, 'h-c', 't.one', 1)).toEqual({ partition: 0, offset: '42' });
  });

  it('puts one key on one partition, whichever batch it came in', () => {
    const written = [0, 1, 2, 3, 4, 5].map((partition) => ({ topicName: 't.one', partition, baseOffset: '0' }));
    const inBatch = relayedPosition({ ...batch, written }, 'h-c', 't.one', 6)!;
    const alone = relayedPosition({ hubIds: ['x'], topics: ['t.one'], keys: ['k4'], written }, 'x', 't.one', 6)!;
    expect(inBatch.partition).toBe(alone.partition);
  });

  it('tells the event from its copy to another topic (an egress copy carries its hub id)', () => {
    const copied = { ...batch, hubIds: ['h-a', 'h-a', null, 'h-c'] };
    expect(relayedPosition(copied, 'h-a', 't.two', 1)).toEqual({ partition: 0, offset: '7' });
    expect(relayedPosition(copied, 'h-a', 't.one', 1)).toEqual({ partition: 0, offset: '40' });
  });

  it('knows nothing of an event not in the batch, without a key, or without an answer for its partition', () => {
    expect(relayedPosition(batch, 'h-z', 't.one', 1)).toBeUndefined();
    expect(relayedPosition({ ...batch, keys: [null, 'k2', 'k3', 'k4'] }, 'h-a', 't.one', 1)).toBeUndefined();
    expect(relayedPosition({ ...batch, written: [] }, 'h-a', 't.one', 1)).toBeUndefined();
  });
});
