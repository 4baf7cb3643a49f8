import { Kafka } from 'kafkajs';
import { deadLetterTopic } from '@hub/contracts';

/**
 * Creates the topics (each with its dead-letter topic) that do not exist yet; the broker does not auto-create.
 * Idempotent, and safe when several apps start at once.
 */
export async function ensureTopics(kafka: Kafka, topics: readonly string[], numPartitions: number): Promise<void> {
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
