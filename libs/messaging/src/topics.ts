import { Kafka } from 'kafkajs';
import { deadLetterTopic } from '@hub/contracts';
import { sleep } from './sleep';

/**
 * Creates the topics (each with its dead-letter topic) that do not exist yet; the broker does not auto-create.
 * Idempotent, and safe when several apps start at once.
 */
export async function ensureTopics(kafka: Kafka, topics: readonly string[], numPartitions: number): Promise<void> {
  // Right after a creation the broker may not yet know every new partition's leader and answer
  // UNKNOWN_TOPIC_OR_PARTITION (more likely the more topics one call creates): look again rather than fail the boot.
  for (let attempt = 1; ; attempt++) {
    try {
      return await createMissing(kafka, topics, numPartitions);
    } catch (error) {
      if (attempt >= 5) throw error;
      await sleep(500 * attempt);
    }
  }
}

async function createMissing(kafka: Kafka, topics: readonly string[], numPartitions: number): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const wanted = [...new Set(topics.flatMap((t) => [t, deadLetterTopic(t)]))];
    const existing = new Set(await admin.listTopics());
    const missing = wanted.filter((t) => !existing.has(t));
    if (missing.length === 0) return;
    try {
      await admin.createTopics({
        waitForLeaders: true,
        topics: missing.map((topic) => ({ topic, numPartitions, replicationFactor: -1 })),
      });
    } catch (error) {
      // Another app may have created some of them between our list and create: fine if all exist now.
      const now = new Set(await admin.listTopics());
      if (!wanted.every((t) => now.has(t))) throw error;
    }
  } finally {
    await admin.disconnect();
  }
}
