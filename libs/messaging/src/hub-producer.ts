import { Logger } from '@nestjs/common';
import { CompressionTypes, Kafka, Partitioners, Producer, RecordMetadata, TopicMessages } from 'kafkajs';
import { HubMetrics } from '@hub/observability';
import { KafkaRecord } from './kafka-record';
import { installRecordEncoder } from './kafka-record-encoder';

/**
 * Broker answers that mean the producer's sequence numbers no longer match what the broker holds for its producer
 * id, so every later send would be refused the same way. kafkajs gets there when the broker writes one partition of
 * a request and refuses another (one not ready yet, just after its topic was created or the broker restarted): it
 * takes back the sequence numbers of every partition in the request, including those the broker wrote.
 */
const LOST_SEQUENCE = new Set(['OUT_OF_ORDER_SEQUENCE_NUMBER', 'UNKNOWN_PRODUCER_ID', 'INVALID_PRODUCER_EPOCH']);

/**
 * The one way the hub produces: idempotent, acks from all in-sync replicas, one request in flight so that
 * retries cannot reorder a partition. `send` resolves only once the broker has acknowledged every record.
 *
 * When the broker refuses the producer's sequence numbers, the send fails and the next one goes through a new
 * producer (a new producer id, sequences from zero). Records the broker had written may then be written again:
 * the consumers' inbox applies them once, as after a relay crash.
 */
export class HubProducer {
  private readonly logger = new Logger(HubProducer.name);
  private producer: Producer;
  private connected = false;
  private renewing?: Promise<void>;

  constructor(
    private readonly kafka: Kafka,
    private readonly metrics?: HubMetrics,
  ) {
    installRecordEncoder();
    this.producer = this.newProducer();
  }

  async connect(): Promise<void> {
    if (this.connected) return;
    await this.producer.connect();
    this.connected = true;
  }

  async disconnect(): Promise<void> {
    await this.renewing;
    if (!this.connected) return;
    this.connected = false;
    await this.producer.disconnect();
  }

  /** Resolves to the broker's answer: each partition written with its first record's offset. */
  async send(records: readonly KafkaRecord[]): Promise<RecordMetadata[]> {
    if (records.length === 0) return [];
    const topicMessages = groupByTopic(records);
    const producer = this.producer;
    let written: RecordMetadata[];
    try {
      written = await producer.sendBatch({ acks: -1, compression: CompressionTypes.None, topicMessages });
    } catch (error) {
      const lost = lostSequence(error);
      if (lost !== undefined) await this.renew(producer, lost);
      throw error;
    }
    for (const { topic, messages } of topicMessages) this.metrics?.produced.inc({ topic }, messages.length);
    return written;
  }

  /** Replaces `stale` (once, however many sends failed with it); if that fails, the next failure tries again. */
  private async renew(stale: Producer, reason: string): Promise<void> {
    if (stale !== this.producer) return;
    this.renewing ??= (async () => {
      this.logger.warn(`the broker refused the producer's sequence numbers (${reason}): starting a new producer id`);
      const fresh = this.newProducer();
      if (this.connected) await fresh.connect();
      this.producer = fresh;
      await stale.disconnect().catch(() => undefined);
    })()
      .catch((error: Error) => this.logger.warn(`a new producer could not connect: ${error.message}`))
      .finally(() => (this.renewing = undefined));
    await this.renewing;
  }

  private newProducer(): Producer {
    return this.kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      allowAutoTopicCreation: false,
      // Java-compatible murmur2: the same key lands on the same partition whichever client produced it.
      createPartitioner: Partitioners.DefaultPartitioner,
    });
  }
}

/** The broker's answers that a record batch is over its `max.message.bytes` (or the log segment's size). */
const TOO_LARGE = new Set(['MESSAGE_TOO_LARGE', 'RECORD_LIST_TOO_LARGE']);

/** The broker's error type, when a failed send (or what caused it) says the producer's sequence is lost. */
export function lostSequence(error: unknown): string | undefined {
  return brokerErrorIn(error, LOST_SEQUENCE);
}

/** True when the broker refused a send because a record batch was too large: retrying the same one cannot help. */
export function refusedAsTooLarge(error: unknown): boolean {
  return brokerErrorIn(error, TOO_LARGE) !== undefined;
}

function brokerErrorIn(error: unknown, types: ReadonlySet<string>): string | undefined {
  // kafkajs wraps the broker's error one or two levels deep; the bound keeps a cyclic chain from looping.
  let e = error;
  for (let depth = 0; depth < 5 && typeof e === 'object' && e !== null; depth++) {
    const { type, cause } = e as { type?: unknown; cause?: unknown };
    if (typeof type === 'string' && types.has(type)) return type;
    e = cause;
  }
  return undefined;
}

/** Groups records per topic, keeping their relative order (the order within a partition is the order sent). */
export function groupByTopic(records: readonly KafkaRecord[]): TopicMessages[] {
  const byTopic = new Map<string, TopicMessages>();
  for (const r of records) {
    let group = byTopic.get(r.topic);
    if (!group) {
      group = { topic: r.topic, messages: [] };
      byTopic.set(r.topic, group);
    }
    group.messages.push({ key: r.key, value: r.value, headers: r.headers, timestamp: r.timestamp });
  }
  return [...byTopic.values()];
}
