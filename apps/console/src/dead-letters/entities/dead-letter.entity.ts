import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A message some consumer gave up on, as read from a `<topic>.dlq` topic. */
@Entity({ name: 'dead_letter' })
@Index('dead_letter_origin', ['consumer', 'originalTopic', 'originalPartition', 'originalOffset'], { unique: true })
export class DeadLetter {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ name: 'dlq_topic', type: 'text' })
  dlqTopic!: string;

  @Column({ name: 'dlq_partition', type: 'int' })
  dlqPartition!: number;

  @Column({ name: 'dlq_offset', type: 'bigint' })
  dlqOffset!: string;

  @Column({ type: 'text' })
  consumer!: string;

  @Column({ name: 'original_topic', type: 'text' })
  originalTopic!: string;

  @Column({ name: 'original_partition', type: 'int' })
  originalPartition!: number;

  @Column({ name: 'original_offset', type: 'bigint' })
  originalOffset!: string;

  @Column({ type: 'text' })
  reason!: string;

  @Column({ type: 'int' })
  attempts!: number;

  @Column({ type: 'text', nullable: true })
  key!: string | null;

  @Column({ type: 'jsonb' })
  headers!: Record<string, string>;

  /** The message as it was, base64 (it may not be valid UTF-8: it was dead-lettered). */
  @Column({ name: 'value_base64', type: 'text' })
  valueBase64!: string;

  @Column({ name: 'received_at', type: 'timestamptz', default: () => 'now()' })
  receivedAt!: Date;
}
