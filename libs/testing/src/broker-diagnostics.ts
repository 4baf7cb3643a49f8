import { localKafkaWarnings } from '@hub/infra';
import { testKafka } from './kafka-probe';

/**
 * What the broker says about a test's topics (each partition's leader and in-sync replicas) and its latest
 * warnings: attached to the failure of a test that stops and starts the broker, so a failure on CI can be read.
 */
export async function brokerDiagnostics(brokers: string[], topicPrefix: string): Promise<string> {
  const admin = testKafka(brokers).admin();
  let partitions: string;
  try {
    await admin.connect();
    const topics = (await admin.listTopics()).filter((t) => t.startsWith(topicPrefix));
    const metadata = await admin.fetchTopicMetadata({ topics });
    partitions = metadata.topics
      .flatMap((t) =>
        t.partitions.map(
          (p) => `${t.name}-${p.partitionId} leader ${p.leader} isr [${p.isr}] error ${p.partitionErrorCode}`,
        ),
      )
      .join('\n');
  } catch (error) {
    partitions = `(metadata unavailable: ${(error as Error).message})`;
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
  return `partitions of ${topicPrefix}*:\n${partitions}\n${localKafkaWarnings()}`;
}

/** Runs `check`; when it fails, its error carries the broker's diagnostics. */
export async function explainedByBroker<T>(
  brokers: string[],
  topicPrefix: string,
  check: () => Promise<T>,
): Promise<T> {
  try {
    return await check();
  } catch (error) {
    const diagnostics = await brokerDiagnostics(brokers, topicPrefix);
    throw new Error(`${(error as Error).message}\n\n${diagnostics}`, { cause: error });
  }
}
