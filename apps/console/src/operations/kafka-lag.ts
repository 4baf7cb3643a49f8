import type { Admin } from 'kafkajs';

/** How far one consumer group is on one partition: the log's end against the group's committed offset. */
export interface PartitionLag {
  group: string;
  topic: string;
  partition: number;
  logEnd: number;
  /** -1: the group has committed nothing here (it starts from the log's start). */
  committed: number;
  /** Messages not yet consumed. */
  lag: number;
}

/**
 * Reads lag from the broker itself (the admin API): each topic's low and high watermarks, and the group's committed
 * offsets. A group that never committed on a partition is behind by all the partition holds.
 */
export async function groupLag(admin: Admin, group: string, topics: readonly string[]): Promise<PartitionLag[]> {
  if (topics.length === 0) return [];
  const ends = new Map<string, { low: number; high: number }>();
  for (const topic of topics) {
    for (const p of await admin.fetchTopicOffsets(topic)) {
      ends.set(`${topic}/${p.partition}`, { low: Number(p.low), high: Number(p.high) });
    }
  }
  const committed = await admin.fetchOffsets({ groupId: group, topics: [...topics] });
  const lags: PartitionLag[] = [];
  for (const { topic, partitions } of committed) {
    for (const { partition, offset } of partitions) {
      const end = ends.get(`${topic}/${partition}`);
      if (!end) continue;
      const at = Number(offset);
      const from = at < 0 ? end.low : at;
      lags.push({ group, topic, partition, logEnd: end.high, committed: at, lag: Math.max(0, end.high - from) });
    }
  }
  return lags.sort((a, b) => a.topic.localeCompare(b.topic) || a.partition - b.partition);
}
