import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { ClaimChannel, Commitment, ReformMode, SupervisionResult } from '@hub/contracts';
import type { NoticeStage } from '@hub/workdays';

export type SupervisedPushState = 'held' | 'pushed' | 'claimed' | 'returned' | 'supervised';

/**
 * An approval as one supervising department has it: a claim held for its push, pushed, claimed, returned or
 * supervised. The push's own fields are null while only a held claim is known (the department claimed before the
 * push reached the hub); so are they on a claim a replay read back before its push.
 */
@Entity({ name: 'push' })
@Index('push_due_notice', ['nextNoticeAt'], { where: `"next_notice_at" IS NOT NULL` })
@Index('push_department_state', ['department', 'state'])
@Index('push_held_until', ['heldUntil'], { where: `"state" = 'held'` })
export class SupervisedPush {
  @PrimaryColumn({ name: 'approval_id', type: 'text' })
  approvalId!: string;

  @PrimaryColumn({ type: 'text' })
  department!: string;

  @Column({ type: 'char', length: 18 })
  uscc!: string;

  @Column({ name: 'push_id', type: 'text', nullable: true })
  pushId!: string | null;

  @Column({ name: 'matter_code', type: 'text', nullable: true })
  matterCode!: string | null;

  @Column({ name: 'matter_name', type: 'text', nullable: true })
  matterName!: string | null;

  @Column({ name: 'reform_mode', type: 'text', nullable: true })
  reformMode!: ReformMode | null;

  @Column({ type: 'text', nullable: true })
  decision!: string | null;

  @Column({ name: 'licence_no', type: 'text', nullable: true })
  licenceNo!: string | null;

  @Column({ type: 'jsonb', nullable: true })
  commitments!: Commitment[] | null;

  @Column({ name: 'pushed_at', type: 'timestamptz', nullable: true })
  pushedAt!: Date | null;

  @Column({ name: 'claim_due_date', type: 'date', nullable: true })
  claimDueDate!: string | null;

  @Column({ name: 'claim_due_at', type: 'timestamptz', nullable: true })
  claimDueAt!: Date | null;

  @Column({ name: 'claim_due_provisional', type: 'boolean', nullable: true })
  claimDueProvisional!: boolean | null;

  @Column({ name: 'supervision_workdays', type: 'integer', nullable: true })
  supervisionWorkdays!: number | null;

  @Column({ type: 'text' })
  state!: SupervisedPushState;

  @Column({ name: 'claimed_at', type: 'timestamptz', nullable: true })
  claimedAt!: Date | null;

  @Column({ name: 'claimed_by', type: 'text', nullable: true })
  claimedBy!: string | null;

  @Column({ name: 'returned_at', type: 'timestamptz', nullable: true })
  returnedAt!: Date | null;

  @Column({ name: 'supervised_at', type: 'timestamptz', nullable: true })
  supervisedAt!: Date | null;

  @Column({ name: 'last_result', type: 'text', nullable: true })
  lastResult!: SupervisionResult | null;

  @Column({ name: 'supervision_due_date', type: 'date', nullable: true })
  supervisionDueDate!: string | null;

  @Column({ name: 'supervision_due_at', type: 'timestamptz', nullable: true })
  supervisionDueAt!: Date | null;

  @Column({ name: 'supervision_due_provisional', type: 'boolean', nullable: true })
  supervisionDueProvisional!: boolean | null;

  /** Which limit the notices are about now: the claim, then the supervision. */
  @Column({ name: 'notice_limit', type: 'text', nullable: true })
  noticeLimit!: 'claim' | 'supervision' | null;

  @Column({ name: 'notice_stage', type: 'text', default: 'none' })
  noticeStage!: NoticeStage;

  @Column({ name: 'next_notice_at', type: 'timestamptz', nullable: true })
  nextNoticeAt!: Date | null;

  /** The id push.claimed or push.claim-refused will have when the held claim is answered. */
  @Column({ name: 'held_claim_id', type: 'text', nullable: true })
  heldClaimId!: string | null;

  @Column({ name: 'held_by', type: 'text', nullable: true })
  heldBy!: string | null;

  @Column({ name: 'held_channel', type: 'text', nullable: true })
  heldChannel!: ClaimChannel | null;

  /** When the department claimed, as it said (never later than it reached the app). */
  @Column({ name: 'held_at', type: 'timestamptz', nullable: true })
  heldAt!: Date | null;

  /** Refused (push.claim-refused) if no push to the department has arrived by then. */
  @Column({ name: 'held_until', type: 'timestamptz', nullable: true })
  heldUntil!: Date | null;
}
