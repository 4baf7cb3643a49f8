import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export const TIMELINE_KINDS = [
  'received',
  'unassigned',
  'pushed',
  'claimed',
  'claim-refused',
  'returned',
  'supervised',
  'fed-back',
  'revocation-requested',
  'revoked',
  'reminded',
  'overdue',
  'escalated',
] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

/** One step of an approval's way through the loop, keyed by the event that recorded it (so replays add nothing). */
@Entity({ name: 'timeline_entry' })
@Index('timeline_by_approval', ['approvalId', 'at'])
export class TimelineEntry {
  @PrimaryColumn({ name: 'event_id', type: 'text' })
  eventId!: string;

  @Column({ name: 'approval_id', type: 'text' })
  approvalId!: string;

  @Column({ type: 'char', length: 18 })
  uscc!: string;

  @Column({ type: 'text' })
  kind!: TimelineKind;

  @Column({ type: 'timestamptz' })
  at!: Date;

  /** The department concerned (the one pushed to, claiming, returning…); null for the approval itself. */
  @Column({ type: 'text', nullable: true })
  department!: string | null;

  /** Who acted: a department code, a person or system id as the department gave it, or the app. */
  @Column({ type: 'text' })
  actor!: string;

  @Column({ type: 'jsonb', default: () => `'{}'` })
  detail!: Record<string, unknown>;
}
