import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { Commitment, LicenceDecision, NoticeStageName, ReformMode } from '../linkage.types';

export type ApprovalState = 'assigned' | 'unassigned';

/** An approval decision of the 审批局 as received, and whether it has been pushed yet. */
@Entity({ name: 'approval' })
@Index('approval_unassigned_due', ['nextNoticeAt'], { where: `"state" = 'unassigned'` })
export class Approval {
  @PrimaryColumn({ name: 'approval_id', type: 'text' })
  approvalId!: string;

  @Column({ type: 'char', length: 18 })
  uscc!: string;

  @Column({ type: 'text' })
  decision!: LicenceDecision;

  @Column({ name: 'matter_code', type: 'text' })
  matterCode!: string;

  @Column({ name: 'matter_name', type: 'text' })
  matterName!: string;

  /** The catalogue version the decision was pushed by; null when the matter is not in the catalogue. */
  @Column({ name: 'matter_version', type: 'integer', nullable: true })
  matterVersion!: number | null;

  @Column({ name: 'reform_mode', type: 'text' })
  reformMode!: ReformMode;

  @Column({ name: 'licence_no', type: 'text' })
  licenceNo!: string;

  @Column({ name: 'decided_at', type: 'timestamptz' })
  decidedAt!: Date;

  @Column({ type: 'jsonb', nullable: true })
  commitments!: Commitment[] | null;

  @Column({ type: 'text' })
  state!: ApprovalState;

  @Column({ name: 'push_due_date', type: 'date' })
  pushDueDate!: string;

  @Column({ name: 'push_due_at', type: 'timestamptz' })
  pushDueAt!: Date;

  @Column({ name: 'push_due_provisional', type: 'boolean' })
  pushDueProvisional!: boolean;

  @Column({ name: 'supervision_workdays', type: 'integer' })
  supervisionWorkdays!: number;

  @Column({ name: 'claim_workdays', type: 'integer' })
  claimWorkdays!: number;

  /** Deadline notices sent while unassigned. */
  @Column({ name: 'notice_stage', type: 'text', default: 'none' })
  noticeStage!: NoticeStageName;

  @Column({ name: 'next_notice_at', type: 'timestamptz', nullable: true })
  nextNoticeAt!: Date | null;

  /** The 审批局's event that brought it. */
  @Column({ name: 'event_id', type: 'text' })
  eventId!: string;
}
