import { setTimeout as sleep } from 'node:timers/promises';
import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Consumer, EachBatchPayload, Kafka, KafkaMessage } from 'kafkajs';
import { Gauge } from 'prom-client';
import { DataSource } from 'typeorm';
import { HubEnv } from '@hub/config';
import { LEDGER_GROUP, Topics, eventTypeRegistry } from '@hub/contracts';
import { HubMetrics } from '@hub/observability';
import { LedgerRepository } from './ledger.repository';
import { sealMessages } from './ledger-records';

/** Appended in one transaction at most: a fetched batch larger than this is appended in parts. */
const CHUNK = 2_000;

/**
 * Appends every event the hub accepted (every canonical topic but the ledger's own) to the ledger, with a consumer
 * group of its own: a batch's entries and the head they make commit in one transaction under the head's lock, and
 * the offsets after, so a batch read again after a crash finds its entries there and appends none twice.
 */
@Injectable()
export class LedgerAppender implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(LedgerAppender.name);
  private consumer?: Consumer;
  private readonly size: Gauge;
  private joinedGroup = false;

  constructor(
    private readonly kafka: Kafka,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly env: HubEnv,
    metrics: HubMetrics,
    private readonly repository: LedgerRepository,
  ) {
    this.size = new Gauge({
      name: 'hub_ledger_entries',
      help: 'Entries in the event ledger',
      registers: [metrics.registry],
    });
  }

  /** The topics the ledger reads, with the deployment's prefix. */
  get topics(): string[] {
    const canonical = new Set(eventTypeRegistry.all().map((d) => d.topic));
    canonical.delete(Topics.ConsoleLedgerV1);
    return [...canonical].map((t) => `${this.env.KAFKA_TOPIC_PREFIX}${t}`);
  }

  get group(): string {
    return `${this.env.KAFKA_TOPIC_PREFIX}${LEDGER_GROUP}`;
  }

  get isJoined(): boolean {
    return this.joinedGroup;
  }

  async onApplicationBootstrap(): Promise<void> {
    const consumer = this.kafka.consumer({
      groupId: this.group,
      allowAutoTopicCreation: false,
      maxWaitTimeInMs: 1_000,
    });
    consumer.on(consumer.events.GROUP_JOIN, () => (this.joinedGroup = true));
    for (const event of [consumer.events.REBALANCING, consumer.events.STOP, consumer.events.CRASH])
      consumer.on(event, () => (this.joinedGroup = false));
    this.consumer = consumer;
    await consumer.connect();
    await consumer.subscribe({ topics: this.topics, fromBeginning: true });
    await consumer.run({ eachBatchAutoResolve: false, eachBatch: (payload) => this.onBatch(payload) });
  }

  async onApplicationShutdown(): Promise<void> {
    const consumer = this.consumer;
    this.consumer = undefined;
    await consumer?.disconnect();
  }

  private async onBatch(payload: EachBatchPayload): Promise<void> {
    const { batch } = payload;
    for (let i = 0; i < batch.messages.length; i += CHUNK) {
      if (!payload.isRunning() || payload.isStale()) return;
      const chunk = batch.messages.slice(i, i + CHUNK);
      // Nothing may be passed over: a failing append (the database away) is tried again until it works or the
      // consumer stops, the offsets left where they are.
      for (let attempt = 1; ; attempt++) {
        try {
          await this.append(batch.topic, batch.partition, chunk);
          break;
        } catch (error) {
          this.logger.error(`ALERT ledger append failed (attempt ${attempt}): ${(error as Error).message}`);
          await sleep(Math.min(5_000, 250 * 2 ** attempt));
          if (!payload.isRunning() || payload.isStale()) return;
          await payload.heartbeat().catch(() => undefined);
        }
      }
      payload.resolveOffset(chunk[chunk.length - 1].offset);
      await payload.heartbeat();
    }
    await payload.commitOffsetsIfNecessary();
  }

  private async append(topic: string, partition: number, messages: KafkaMessage[]): Promise<void> {
    const size = await this.dataSource.transaction(async (manager) => {
      const head = await this.repository.lockHead(manager);
      const present = await this.repository.present(
        manager,
        topic,
        partition,
        messages[0].offset,
        messages[messages.length - 1].offset,
      );
      const fresh = present.size === 0 ? messages : messages.filter((m) => !present.has(m.offset));
      const sealed = sealMessages(topic, partition, fresh, head);
      await this.repository.append(manager, sealed.entries, sealed.head);
      return sealed.head.size;
    });
    this.size.set(size);
  }
}
