import { Column, CreateDateColumn, Entity, PrimaryColumn, Unique } from 'typeorm';

/** A person's account: one department, one role or more, a password hashed with argon2id. */
@Entity({ name: 'person_account' })
@Unique('uq_person_account_username', ['username'])
export class PersonAccount {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  /** Lower-case, unique: what the person signs in with. */
  @Column({ type: 'text' })
  username!: string;

  @Column({ name: 'display_name', type: 'text' })
  displayName!: string;

  /** A code of seed/departments.json. */
  @Column({ type: 'text' })
  department!: string;

  /** PERSON_ROLES, each fitting the department (person-roles.policy.ts). */
  @Column({ type: 'text', array: true })
  roles!: string[];

  /** The argon2id PHC string, parameters included. */
  @Column({ name: 'password_hash', type: 'text' })
  passwordHash!: string;

  /** Set: the account may not sign in, and its sessions have ended. */
  @Column({ name: 'disabled_at', type: 'timestamptz', nullable: true })
  disabledAt!: Date | null;

  /** Consecutive failed logins since the last success (lockout.ts). */
  @Column({ name: 'failed_logins', type: 'integer', default: 0 })
  failedLogins!: number;

  @Column({ name: 'locked_until', type: 'timestamptz', nullable: true })
  lockedUntil!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
