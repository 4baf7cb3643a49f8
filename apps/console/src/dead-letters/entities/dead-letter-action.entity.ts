import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export const DEAD_LETTER_ACTIONS = ['viewed', 'replayed', 'discarded', 'refused', 'visibility'] as const;
export type DeadLetterActionKind = (typeof DEAD_LETTER_ACTIONS)[number];

/**
 * Who did what to a dead letter, when and why: a replay, a discard, a replay refused, an opening of its payload, or
 * a change of a role's payload visibility (no letter). Written in the same transaction as what it records.
 */
@Entity({ name: 'dead_letter_action' })
@Index('dead_letter_action_by_letter', ['deadLetterId'])
@Check('dead_letter_action_kind', `"action" IN ('viewed', 'replayed', 'discarded', 'refused', 'visibility')`)
export class DeadLetterAction {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  at!: Date;

  /** The person's account id or the system's access key id, as the gateway's assertion names it. */
  @Column({ type: 'text' })
  actor!: string;

  @Column({ name: 'actor_name', type: 'text', nullable: true })
  actorName!: string | null;

  @Column({ name: 'actor_roles', type: 'text', array: true })
  actorRoles!: string[];

  @Column({ type: 'text' })
  action!: DeadLetterActionKind;

  @Column({ name: 'dead_letter_id', type: 'bigint', nullable: true })
  deadLetterId!: string | null;

  /** The operator's reason, or what was refused or changed. */
  @Column({ type: 'text', nullable: true })
  note!: string | null;
}
