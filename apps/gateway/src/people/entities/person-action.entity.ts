import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One action of a person, kept for the auditors: a login (or a refused one), a logout, a non-GET call through the
 * door, an admin change. Who (the account, or the username tried), when, what, and from where.
 */
@Entity({ name: 'person_action' })
@Index('ix_person_action_account', ['accountId', 'id'])
@Index('ix_person_action_username', ['username', 'id'])
export class PersonAction {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  at!: Date;

  /** `login`, `login-failed`, `login-locked`, `login-disabled`, `logout`, `call`, `admin`. */
  @Column({ type: 'text' })
  action!: string;

  /** Absent for a login with an unknown username, and for an admin change by an admin system. */
  @Column({ name: 'account_id', type: 'uuid', nullable: true })
  accountId!: string | null;

  /** The username (as tried, for a failed login), or `<department>/<system>` for an admin system. */
  @Column({ type: 'text' })
  username!: string;

  @Column({ type: 'text' })
  method!: string;

  @Column({ type: 'text' })
  path!: string;

  @Column({ type: 'integer' })
  status!: number;

  /** Hub-Client-Address as the console saw the person, else the connection's address. */
  @Column({ type: 'text', nullable: true })
  address!: string | null;

  @Column({ type: 'text', nullable: true })
  detail!: string | null;
}
