import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One row per event a consumer has applied, written in the same transaction as the effect, so a redelivered
 * event is recognised and skipped. CloudEvents identifies an event by source + id.
 */
@Entity({ name: 'inbox' })
@Index('inbox_applied_at', ['appliedAt'])
export class InboxEntry {
  @PrimaryColumn({ type: 'text' })
  consumer!: string;

  @PrimaryColumn({ type: 'text' })
  source!: string;

  @PrimaryColumn({ name: 'event_id', type: 'text' })
  eventId!: string;

  @Column({ name: 'applied_at', type: 'timestamptz', default: () => 'now()' })
  appliedAt!: Date;
}
