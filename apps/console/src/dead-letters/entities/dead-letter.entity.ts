import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export const DEAD_LETTER_STATUSES = ['open', 'replayed', 'discarded'] as const;
export type DeadLetterStatus = (typeof DEAD_LETTER_STATUSES)[number];

/** A message some consumer gave up on, as read from a `<topic>.dlq` topic. */
@Entity({ name: 'dead_letter' })
@Index('dead_letter_origin', ['consumer', 'originalTopic', 'originalPartition', 'originalOffset'], { unique: true })
@Index('dead_letter_by_status', ['status', 'id'])
@Index('dead_letter_received_at', ['receivedAt'])
@Index('dead_letter_by_topic', ['originalTopic', 'id'])
@Index('dead_letter_by_type', ['eventType', 'id'])
@Index('dead_letter_by_department', ['department', 'id'])
@Check('dead_letter_status', `"status" IN ('open', 'replayed', 'discarded')`)
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

  /**
   * When the original was on Kafka, at the latest (its timestamp, or the dead letter's if earlier; null for letters
   * stored before this was kept): consumers applied it after this, so their inbox keeps it for INBOX_RETENTION_HOURS
   * from here at least, and replay is refused once DEAD_LETTER_RETENTION_HOURS (no longer) have passed.
   */
  @Column({ name: 'original_at', type: 'timestamptz', nullable: true })
  originalAt!: Date | null;

  /**
   * Why the stored copy is not the original message, when it is not (cut to fit the broker's limit, characters
   * PostgreSQL cannot store replaced, headers that were not numbers): such a letter is for reading, never replayed.
   */
  @Column({ type: 'text', nullable: true })
  incomplete!: string | null;

  /** The CloudEvents `type` of the message, when it says one. */
  @Column({ name: 'event_type', type: 'text', nullable: true })
  eventType!: string | null;

  /** The department that published the message, when one did (publisherOf). */
  @Column({ type: 'text', nullable: true })
  department!: string | null;

  /** Open until an operator replays or discards it (POST /v1/dead-letters/:id/replay, /discard). */
  @Column({ type: 'text', default: 'open' })
  status!: DeadLetterStatus;

  @Column({ name: 'resolved_at', type: 'timestamptz', nullable: true })
  resolvedAt!: Date | null;

  /** The access key id of the operator's credential that replayed or discarded it. */
  @Column({ name: 'resolved_by', type: 'text', nullable: true })
  resolvedBy!: string | null;

  /** Why it was replayed or discarded, in the operator's words. */
  @Column({ type: 'text', nullable: true })
  note!: string | null;
}
