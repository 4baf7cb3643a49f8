import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { Commitment, ReformMode, SupervisionResult } from '@hub/contracts';
import type { NoticeStage } from '@hub/workdays';

export type SupervisedPushState = 'pushed' | 'claimed' | 'returned' | 'supervised';

/**
 * An approval as one supervising department has it: pushed, claimed, returned or supervised. The push's own
 * fields are null while only an early claim is known (the department claimed before the push reached the hub).
 */
@Entity({ name: 'push' })
@Index('push_due_notice', ['nextNoticeAt'], { where: `"next_notice_at" IS NOT NULL` })
@Index('push_department_state', ['department', 'state'])
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
}
