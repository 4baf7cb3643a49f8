import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * An event the gateway took from a canonical topic, kept for the retention period so that webhook deliveries can
 * send its exact bytes and a subscription can replay it.
 */
@Entity({ name: 'delivery_event' })
@Index('delivery_event_identity', ['source', 'eventId'], { unique: true })
@Index('delivery_event_recorded', ['recordedAt'])
export class DeliveryEvent {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  seq!: string;

  @Column({ type: 'text' })
  source!: string;

  @Column({ name: 'event_id', type: 'text' })
  eventId!: string;

  @Column({ type: 'text' })
  type!: string;

  /** Its Kafka key (the enterprise's 统一社会信用代码 or the aggregate id): deliveries keep order per key. */
  @Column({ type: 'text' })
  key!: string;

  /** The structured-mode CloudEvent (JSON format), the exact body every webhook delivery sends and signs. */
  @Column({ type: 'bytea' })
  body!: Buffer;

  /**
   * When the hub accepted it: its canonical record's Kafka timestamp (the outbox relay's, see OutboxRelay). A
   * department is sent only the events accepted after its grant of the type (grant-start.ts).
   */
  @Column({ name: 'accepted_at', type: 'timestamptz' })
  acceptedAt!: Date;

  @Column({ name: 'recorded_at', type: 'timestamptz', default: () => 'now()' })
  recordedAt!: Date;
}
