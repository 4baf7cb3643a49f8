import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { DeliveryEvent } from './delivery-event.entity';
import { Subscription } from './subscription.entity';

export const DELIVERY_STATUSES = ['pending', 'failed', 'delivered'] as const;
/** `pending`: not tried yet; `failed`: the last attempt failed and another is scheduled; `delivered`: a 2xx answer. */
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** One event to send to one webhook subscription; its id is the `Hub-Delivery-Id` receivers de-duplicate by. */
@Entity({ name: 'delivery' })
@Index('delivery_id', ['id'], { unique: true })
@Index('delivery_subscription', ['subscriptionId', 'seq'])
@Index('delivery_event_seq', ['eventSeq'])
@Index('delivery_due', ['nextAttemptAt'], { where: `"status" <> 'delivered'` })
@Index('delivery_key_queue', ['subscriptionId', 'orderingKey', 'seq'], { where: `"status" <> 'delivered'` })
@Check('delivery_status', `"status" IN ('pending', 'failed', 'delivered')`)
export class Delivery {
  /** Order of recording: per subscription and key, the order the events had on their Kafka partition. */
  @PrimaryGeneratedColumn({ type: 'bigint' })
  seq!: string;

  /** Given by the insert (gen_random_uuid()). */
  @Column({ type: 'uuid' })
  id!: string;

  @Column({ name: 'subscription_id', type: 'text' })
  subscriptionId!: string;

  @ManyToOne(() => Subscription, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'subscription_id', foreignKeyConstraintName: 'delivery_subscription_fk' })
  subscription?: Subscription;

  @Column({ name: 'event_seq', type: 'bigint' })
  eventSeq!: string;

  @ManyToOne(() => DeliveryEvent)
  @JoinColumn({ name: 'event_seq', foreignKeyConstraintName: 'delivery_event_fk' })
  event?: DeliveryEvent;

  @Column({ name: 'ordering_key', type: 'text' })
  orderingKey!: string;

  /** Re-sent on request (replay from a point in time), under a new delivery id. */
  @Column({ type: 'boolean', default: false })
  replay!: boolean;

  @Column({ type: 'text', default: 'pending' })
  status!: DeliveryStatus;

  @Column({ type: 'int', default: 0 })
  attempts!: number;

  @Column({ name: 'next_attempt_at', type: 'timestamptz', default: () => 'now()' })
  nextAttemptAt!: Date;

  /** When the current run of failures began; the subscription pauses once it is older than the retry window. */
  @Column({ name: 'first_failed_at', type: 'timestamptz', nullable: true })
  firstFailedAt!: Date | null;

  @Column({ name: 'last_attempt_at', type: 'timestamptz', nullable: true })
  lastAttemptAt!: Date | null;

  @Column({ name: 'last_status_code', type: 'int', nullable: true })
  lastStatusCode!: number | null;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError!: string | null;

  @Column({ name: 'delivered_at', type: 'timestamptz', nullable: true })
  deliveredAt!: Date | null;

  /** While a worker is sending it: no other worker takes it before this time. */
  @Column({ name: 'lease_until', type: 'timestamptz', nullable: true })
  leaseUntil!: Date | null;

  /** Which claim holds the lease, so that a worker whose lease ran out cannot overwrite a newer attempt. */
  @Column({ name: 'lease_token', type: 'uuid', nullable: true })
  leaseToken!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;
}
