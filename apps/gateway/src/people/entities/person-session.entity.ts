import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { PersonAccount } from './person-account.entity';

/**
 * A person's session: only the SHA-256 of its token is kept. It ends at `ended_at` (logout, the account disabled
 * or its password set), at `expires_at` (PEOPLE_SESSION_MAX_HOURS after login), or PEOPLE_SESSION_IDLE_MINUTES
 * after `last_seen_at`, whichever comes first.
 */
@Entity({ name: 'person_session' })
@Index('ix_person_session_account', ['accountId'])
export class PersonSession {
  @PrimaryColumn({ name: 'token_sha256', type: 'bytea' })
  tokenSha256!: Buffer;

  @Column({ name: 'account_id', type: 'uuid' })
  accountId!: string;

  @ManyToOne(() => PersonAccount, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id', foreignKeyConstraintName: 'fk_person_session_account' })
  account?: PersonAccount;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'last_seen_at', type: 'timestamptz' })
  lastSeenAt!: Date;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ name: 'ended_at', type: 'timestamptz', nullable: true })
  endedAt!: Date | null;
}
