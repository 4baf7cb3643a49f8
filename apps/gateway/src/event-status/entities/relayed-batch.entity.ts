import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One batch the gateway's relay had acknowledged by Kafka: its records in the order sent and the broker's answer (each
 * partition's first offset). One row per batch, not per event: with the partitioner, it gives each event's offset.
 */
@Entity({ name: 'relayed_batch' })
@Index('relayed_batch_relayed_at', ['relayedAt'])
export class RelayedBatch {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ name: 'relayed_at', type: 'timestamptz', default: () => 'now()' })
  relayedAt!: Date;

  /** Each record's `ce_hubid` (null for a record the intake did not make). */
  @Column({ name: 'hub_ids', type: 'text', array: true })
  hubIds!: (string | null)[];

  @Column({ type: 'text', array: true })
  topics!: string[];

  @Column({ type: 'text', array: true })
  keys!: (string | null)[];

  /** kafkajs' RecordMetadata list: `{topicName, partition, baseOffset}` per partition written. */
  @Column({ type: 'jsonb' })
  written!: { topicName: string; partition: number; baseOffset?: string }[];
}
