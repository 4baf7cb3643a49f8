import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { Admin, Kafka } from 'kafkajs';
import { HubEnv } from '@hub/config';

/** Each consumer group's committed offset on one partition of a topic (the groups of this hub that read the topic). */
export interface GroupOffset {
  group: string;
  /** The offset of the next record the group will read; a record below it has been consumed. */
  committed: bigint;
}

/**
 * Reads, from the broker, how far each of the hub's consumer groups has got: data about consumption crosses no app's
 * schema. Groups are the hub's by their name's prefix (KAFKA_TOPIC_PREFIX).
 */
@Injectable()
export class ConsumerProgress implements OnApplicationShutdown {
  private admin?: Promise<Admin>;

  constructor(
    private readonly kafka: Kafka,
    private readonly env: HubEnv,
  ) {}

  async partitionCount(topic: string): Promise<number> {
    const admin = await this.connected();
    const { topics } = await admin.fetchTopicMetadata({ topics: [topic] });
    return topics[0]?.partitions.length ?? 0;
  }

  /** The groups that have committed an offset on the topic, with their offset on `partition` (0 if none yet). */
  async offsets(topic: string, partition: number): Promise<GroupOffset[]> {
    const admin = await this.connected();
    const prefix = this.env.KAFKA_TOPIC_PREFIX;
    const { groups } = await admin.listGroups();
    // A group only ever committed to (never joined) has no protocol type yet.
    const ours = groups.filter((g) => ['consumer', ''].includes(g.protocolType) && g.groupId.startsWith(prefix));
    const found = await Promise.all(
      ours.map(async ({ groupId }) => {
        const [committed] = await admin.fetchOffsets({ groupId, topics: [topic] });
        const partitions = committed?.partitions ?? [];
        if (!partitions.some((p) => /^\d+$/.test(p.offset))) return undefined;
        const mine = partitions.find((p) => p.partition === partition)?.offset ?? '';
        return { group: groupId, committed: /^\d+$/.test(mine) ? BigInt(mine) : 0n };
      }),
    );
    return found.filter((g): g is GroupOffset => g !== undefined).sort((a, b) => a.group.localeCompare(b.group));
  }

  async onApplicationShutdown(): Promise<void> {
    const admin = await this.admin?.catch(() => undefined);
    await admin?.disconnect();
  }

  private connected(): Promise<Admin> {
    this.admin ??= (async () => {
      const admin = this.kafka.admin();
      await admin.connect();
      return admin;
    })().catch((error: Error) => {
      this.admin = undefined;
      throw error;
    });
    return this.admin;
  }
}
