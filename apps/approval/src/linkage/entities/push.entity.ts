import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A push of an approval to one supervising department. Its progress (claimed, returned, supervised, fed back) is
 * the timeline's; one approval reaches a department at most once.
 */
@Entity({ name: 'push' })
@Index('push_approval_department', ['approvalId', 'department'], { unique: true })
export class Push {
  @PrimaryColumn({ name: 'push_id', type: 'text' })
  pushId!: string;

  @Column({ name: 'approval_id', type: 'text' })
  approvalId!: string;

  @Column({ type: 'char', length: 18 })
  uscc!: string;

  @Column({ type: 'text' })
  department!: string;

  @Column({ name: 'pushed_at', type: 'timestamptz' })
  pushedAt!: Date;

  @Column({ name: 'claim_due_at', type: 'timestamptz' })
  claimDueAt!: Date;

  /** The coordinator department that assigned it; null when pushed by the responsibility list. */
  @Column({ name: 'assigned_by', type: 'text', nullable: true })
  assignedBy!: string | null;

  @Column({ name: 'replaces_push_id', type: 'text', nullable: true })
  replacesPushId!: string | null;
}
