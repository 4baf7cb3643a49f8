import { Partitioners, type PartitionMetadata } from 'kafkajs';
import type { RelayObserver } from '@hub/messaging';
import { HUB_ID_EXTENSION } from '../intake/intake.service';
import type { RelayedBatch } from './entities/relayed-batch.entity';

const HUB_ID_HEADER = `ce_${HUB_ID_EXTENSION}`;

/** Records each batch the gateway's relay produced (one row per batch), for relayedPosition. */
export function recordRelayedBatches(schema: string): RelayObserver {
  return async (client, records, written) => {
    if (!records.some((r) => r.headers[HUB_ID_HEADER])) return;
    await client.query({
      name: 'relayed_batch_insert',
      text: `INSERT INTO "${schema}"."relayed_batch" (hub_ids, topics, keys, written) VALUES ($1, $2, $3, $4)`,
      values: [
        records.map((r) => r.headers[HUB_ID_HEADER] ?? null),
        records.map((r) => r.topic),
        records.map((r) => r.key),
        JSON.stringify(
          written.map((w) => ({ topicName: w.topicName, partition: w.partition, baseOffset: w.baseOffset })),
        ),
      ],
    });
  };
}

/**
 * Where an event of a relayed batch landed: its partition, by the partitioner the relay's producer uses (the
 * Java-compatible murmur2 of the key over the topic's partitions), and its offset, the partition's first offset in the
 * broker's answer plus the records before it in that partition. Undefined when it cannot be known (no key, or no
 * answer for the partition); wrong only if partitions were added to the topic since.
 */
export function relayedPosition(
  batch: Pick<RelayedBatch, 'hubIds' | 'topics' | 'keys' | 'written'>,
  hubId: string,
  topic: string,
  partitionCount: number,
): { partition: number; offset: string } | undefined {
  const index = batch.hubIds.findIndex((h, i) => h === hubId && batch.topics[i] === topic);
  if (index < 0 || partitionCount < 1) return undefined;
  const partitionMetadata: PartitionMetadata[] = Array.from({ length: partitionCount }, (_, partitionId) => ({
    partitionErrorCode: 0,
    partitionId,
    leader: 0,
    replicas: [0],
    isr: [0],
  }));
  const partitioner = Partitioners.DefaultPartitioner();
  const partitionOf = (i: number): number | undefined => {
    const key = batch.keys[i];
    if (key === null) return undefined;
    return partitioner({ topic, partitionMetadata, message: { key, value: null } });
  };
  const partition = partitionOf(index);
  if (partition === undefined) return undefined;
  let before = 0;
  for (let i = 0; i < index; i++) {
    if (batch.topics[i] !== topic) continue;
    const p = partitionOf(i);
    if (p === undefined) return undefined; // a keyless record went anywhere: the count is not knowable
    if (p === partition) before++;
  }
  const answer = batch.written.find((w) => w.topicName === topic && w.partition === partition);
  if (answer?.baseOffset === undefined) return undefined;
  return { partition, offset: (BigInt(answer.baseOffset) + BigInt(before)).toString() };
}
