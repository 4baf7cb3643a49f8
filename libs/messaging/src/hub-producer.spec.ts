import { Kafka, KafkaJSNonRetriableError, KafkaJSProtocolError, Producer, ProducerBatch } from 'kafkajs';
import { HubProducer, lostSequence, refusedAsTooLarge } from './hub-producer';

function protocolError(type: string, code: number): KafkaJSProtocolError {
  return new KafkaJSProtocolError({ type, code, retriable: false, message: type } as unknown as Error);
}

/** As kafkajs' retrier gives up on a broker answer: a non-retriable error caused by the protocol error. */
function refusal(type: string, code: number): KafkaJSNonRetriableError {
  const cause = protocolError(type, code);
  return Object.assign(new KafkaJSNonRetriableError(cause), { cause });
}

class FakeProducer {
  readonly batches: ProducerBatch[] = [];
  connected = false;
  failures: Error[] = [];

  connect(): Promise<void> {
    this.connected = true;
    return Promise.resolve();
  }

  disconnect(): Promise<void> {
    this.connected = false;
    return Promise.resolve();
  }

  sendBatch(batch: ProducerBatch): Promise<never[]> {
    const failure = this.failures.shift();
    if (failure) return Promise.reject(failure);
    this.batches.push(batch);
    return Promise.resolve([]);
  }
}

function fakeKafka(): { kafka: Kafka; producers: FakeProducer[] } {
  const producers: FakeProducer[] = [];
  const kafka = {
    producer: () => {
      const producer = new FakeProducer();
      producers.push(producer);
      return producer as unknown as Producer;
    },
  } as unknown as Kafka;
  return { kafka, producers };
}

const record = { topic: 'zone.registry.enterprise.v1', key: 'k', value: Buffer.from('{}'), headers: {} };

describe('HubProducer', () => {
  it('goes on with a new producer id once the broker refuses its sequence numbers', async () => {
    const { kafka, producers } = fakeKafka();
    const hub = new HubProducer(kafka);
    await hub.connect();
    const refused = refusal('OUT_OF_ORDER_SEQUENCE_NUMBER', 45);
    producers[0].failures.push(refused);

    await expect(hub.send([record])).rejects.toBe(refused);
    await hub.send([record]);

    expect(producers).toHaveLength(2);
    expect(producers[0].connected).toBe(false);
    expect(producers[1].connected).toBe(true);
    expect(producers[1].batches).toHaveLength(1);
  });

  it('keeps its producer through failures that say nothing about its sequence', async () => {
    const { kafka, producers } = fakeKafka();
    const hub = new HubProducer(kafka);
    await hub.connect();
    producers[0].failures.push(refusal('NOT_LEADER_FOR_PARTITION', 6), new Error('Connection error'));

    await expect(hub.send([record])).rejects.toThrow();
    await expect(hub.send([record])).rejects.toThrow();
    await hub.send([record]);

    expect(producers).toHaveLength(1);
    expect(producers[0].batches).toHaveLength(1);
  });

  it('starts one new producer however many sends failed with the old one', async () => {
    const { kafka, producers } = fakeKafka();
    const hub = new HubProducer(kafka);
    await hub.connect();
    producers[0].failures.push(refusal('UNKNOWN_PRODUCER_ID', 59), refusal('OUT_OF_ORDER_SEQUENCE_NUMBER', 45));

    const sends = await Promise.allSettled([hub.send([record]), hub.send([record])]);

    expect(sends.map((s) => s.status)).toEqual(['rejected', 'rejected']);
    expect(producers).toHaveLength(2);
  });
});

describe('lostSequence', () => {
  it('finds the broker error type through the causes kafkajs wraps it in', () => {
    expect(lostSequence(refusal('INVALID_PRODUCER_EPOCH', 47))).toBe('INVALID_PRODUCER_EPOCH');
    expect(lostSequence(protocolError('OUT_OF_ORDER_SEQUENCE_NUMBER', 45))).toBe('OUT_OF_ORDER_SEQUENCE_NUMBER');
    expect(lostSequence(refusal('NOT_LEADER_FOR_PARTITION', 6))).toBeUndefined();
    expect(lostSequence('OUT_OF_ORDER_SEQUENCE_NUMBER')).toBeUndefined();
  });
});

describe('refusedAsTooLarge', () => {
  it('tells a batch over the broker limit from other refusals', () => {
    expect(refusedAsTooLarge(refusal('MESSAGE_TOO_LARGE', 10))).toBe(true);
    expect(refusedAsTooLarge(protocolError('RECORD_LIST_TOO_LARGE', 18))).toBe(true);
    expect(refusedAsTooLarge(refusal('NOT_LEADER_FOR_PARTITION', 6))).toBe(false);
    expect(refusedAsTooLarge(new Error('MESSAGE_TOO_LARGE'))).toBe(false);
  });
});
