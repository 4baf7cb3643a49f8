import { CompressionTypes, Kafka, Partitioners, Producer, TopicMessages } from 'kafkajs';
import { HubMetrics } from '@hub/observability';
import { KafkaRecord } from './kafka-record';

/**
 * The one way the hub produces: idempotent, acks from all in-sync replicas, one request in flight so that
 * retries cannot reorder a partition. `send` resolves only once the broker has acknowledged every record.
 */
export class HubProducer {
  private readonly producer: Producer;
  private connected = false;

  constructor(
    kafka: Kafka,
    private readonly metrics?: HubMetrics,
  ) {
    this.producer = kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      allowAutoTopicCreation: false,
      // Java-compatible murmur2: the same key lands on the same partition whichever client produced it.
      createPartitioner: Partitioners.DefaultPartitioner,
    });
  }

  async connect(): Promise<void> {
    if (this.connected) return;
    await this.producer.connect();
    this.connected = true;
  }

  async disconnect(): Promise<void> {
    if (!this.connected) return;
    this.connected = false;
    await this.producer.disconnect();
  }

  async send(records: readonly KafkaRecord[]): Promise<void> {
    if (records.length === 0) return;
    const topicMessages = groupByTopic(records);
    await this.producer.sendBatch({ acks: -1, compression: CompressionTypes.None, topicMessages });
    for (const { topic, messages } of topicMessages) this.metrics?.produced.inc({ topic }, messages.length);
  }
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
    group.messages.push({ key: r.key, value: r.value, headers: r.headers });
  }
  return [...byTopic.values()];
}
