import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, Unique } from 'typeorm';

/**
 * One row per event the gateway accepted, written in the transaction that puts it in the outbox. CloudEvents
 * identifies an event by `source` + `id`: a second submission finds this row and gets the same receipt, and no
 * second event; another type, subject or data under the same identity is a conflict. Deleted after GATEWAY_RECEIPT_RETENTION_HOURS.
 */
@Entity({ name: 'intake_receipt' })
@Unique('uq_intake_receipt_hub_id', ['hubId'])
@Index('intake_receipt_accepted_at', ['acceptedAt'])
export class IntakeReceipt {
  @PrimaryColumn({ type: 'text' })
  source!: string;

  @PrimaryColumn({ name: 'event_id', type: 'text' })
  eventId!: string;

  /** SHA-256 of the event's type, subject and data in canonical JSON, or of the whole event before (event-fingerprint.ts). */
  @Column({ type: 'text' })
  fingerprint!: string;

  /** The hub's id of the accepted event, also on the event as the `hubid` extension. */
  @Column({ name: 'hub_id', type: 'uuid' })
  hubId!: string;

  @Column({ type: 'text' })
  type!: string;

  @Column({ type: 'text' })
  topic!: string;

  @Column({ type: 'text' })
  department!: string;

  /** `http` or `kafka`. */
  @Column({ type: 'text' })
  channel!: string;

  /** The credential that signed it (HTTP); null for the Kafka ingress. */
  @Column({ name: 'access_key_id', type: 'text', nullable: true })
  accessKeyId!: string | null;

  @CreateDateColumn({ name: 'accepted_at', type: 'timestamptz' })
  acceptedAt!: Date;
}
