import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { SupervisionAction as ActionKind, SupervisionResult } from '@hub/contracts';

/** One supervision action on a claimed approval and its result. */
@Entity({ name: 'supervision_action' })
@Index('action_by_push', ['approvalId', 'department'])
export class SupervisionAction {
  @PrimaryColumn({ name: 'action_id', type: 'text' })
  actionId!: string;

  @Column({ name: 'approval_id', type: 'text' })
  approvalId!: string;

  @Column({ type: 'text' })
  department!: string;

  @Column({ type: 'char', length: 18 })
  uscc!: string;

  @Column({ type: 'text' })
  action!: ActionKind;

  @Column({ type: 'text' })
  result!: SupervisionResult;

  @Column({ type: 'text' })
  findings!: string;

  @Column({ type: 'text' })
  actor!: string;

  @Column({ type: 'timestamptz' })
  at!: Date;

  /** The revocation request it caused, if its result calls for one. */
  @Column({ name: 'revocation_request_id', type: 'text', nullable: true })
  revocationRequestId!: string | null;
}
