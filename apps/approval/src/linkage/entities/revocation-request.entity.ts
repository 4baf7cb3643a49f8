import { Column, Entity, PrimaryColumn } from 'typeorm';

export type RevocationRequestState = 'open' | 'revoked';

/** A supervising department's request that the 审批局 revoke a licence; closed by the revocation decision. */
@Entity({ name: 'revocation_request' })
export class RevocationRequest {
  @PrimaryColumn({ name: 'request_id', type: 'text' })
  requestId!: string;

  @Column({ name: 'approval_id', type: 'text' })
  approvalId!: string;

  @Column({ type: 'char', length: 18 })
  uscc!: string;

  @Column({ name: 'licence_no', type: 'text' })
  licenceNo!: string;

  @Column({ type: 'text' })
  department!: string;

  @Column({ type: 'text' })
  reason!: string;

  @Column({ name: 'requested_at', type: 'timestamptz' })
  requestedAt!: Date;

  @Column({ type: 'text', default: 'open' })
  state!: RevocationRequestState;

  /** The 审批局's revocation decision that answered it. */
  @Column({ name: 'revoked_by_approval_id', type: 'text', nullable: true })
  revokedByApprovalId!: string | null;
}
