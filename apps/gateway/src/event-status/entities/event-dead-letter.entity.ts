import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A consumer's dead letter of an event the gateway accepted, as the gateway read it from the `.dlq` topic: which
 * consumer group gave up on the event, and why. Kept so that the publisher can ask what became of its event.
 */
@Entity({ name: 'event_dead_letter' })
@Index('event_dead_letter_event', ['eventId', 'source'])
@Index('event_dead_letter_department', ['department', 'deadLetteredAt'])
export class EventDeadLetter {
  @PrimaryColumn({ name: 'dlq_topic', type: 'text' })
  dlqTopic!: string;

  @PrimaryColumn({ name: 'dlq_partition', type: 'integer' })
  dlqPartition!: number;

  @PrimaryColumn({ name: 'dlq_offset', type: 'bigint' })
  dlqOffset!: string;

  @Column({ type: 'text' })
  source!: string;

  @Column({ name: 'event_id', type: 'text' })
  eventId!: string;

  /** The publishing department, from the gateway's receipt of the event. */
  @Column({ type: 'text' })
  department!: string;

  @Column({ type: 'text' })
  type!: string;

  /** The consumer group that gave up (`hub-dlq-consumer`). */
  @Column({ type: 'text' })
  consumer!: string;

  @Column({ type: 'text' })
  reason!: string;

  /** The field errors, when the event broke its contract (`hub-dlq-errors`). */
  @Column({ type: 'jsonb', nullable: true })
  errors!: object | null;

  @Column({ type: 'integer' })
  attempts!: number;

  @Column({ name: 'original_topic', type: 'text' })
  originalTopic!: string;

  @Column({ name: 'original_partition', type: 'integer' })
  originalPartition!: number;

  @Column({ name: 'original_offset', type: 'bigint' })
  originalOffset!: string;

  @Column({ name: 'dead_lettered_at', type: 'timestamptz' })
  deadLetteredAt!: Date;
}
