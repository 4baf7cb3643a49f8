import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { PersonAccount } from './entities/person-account.entity';
import { PersonSession } from './entities/person-session.entity';

export interface AccountRow {
  id: string;
  username: string;
  displayName: string;
  department: string;
  roles: string[];
  passwordHash: string;
  disabledAt: Date | null;
  failedLogins: number;
  lockedUntil: Date | null;
  createdAt: Date;
}

/** A live session and its account, as one lookup finds it. */
export interface LiveSessionRow {
  accountId: string;
  username: string;
  displayName: string;
  department: string;
  roles: string[];
  /** The earlier of the absolute end and the idle time-out from now. */
  expiresAt: Date;
}

const ACCOUNT_COLUMNS = `a.id, a.username, a.display_name AS "displayName", a.department, a.roles,
  a.password_hash AS "passwordHash", a.disabled_at AS "disabledAt", a.failed_logins AS "failedLogins",
  a.locked_until AS "lockedUntil", a.created_at AS "createdAt"`;

/** People's accounts and sessions in the gateway's schema; times are the database's (`now()`), never a replica's. */
@Injectable()
export class PeopleRepository {
  private readonly accounts: string;
  private readonly sessions: string;

  constructor(private readonly dataSource: DataSource) {
    this.accounts = dataSource.getMetadata(PersonAccount).tablePath;
    this.sessions = dataSource.getMetadata(PersonSession).tablePath;
  }

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  async findByUsername(username: string): Promise<AccountRow | undefined> {
    const rows: AccountRow[] = await this.dataSource.query(
      `SELECT ${ACCOUNT_COLUMNS} FROM ${this.accounts} a WHERE a.username = $1`,
      [username],
    );
    return rows[0];
  }

  async find(manager: EntityManager, id: string): Promise<AccountRow | undefined> {
    const rows: AccountRow[] = await manager.query(
      `SELECT ${ACCOUNT_COLUMNS} FROM ${this.accounts} a WHERE a.id = $1 FOR UPDATE`,
      [id],
    );
    return rows[0];
  }

  list(): Promise<AccountRow[]> {
    return this.dataSource.query(`SELECT ${ACCOUNT_COLUMNS} FROM ${this.accounts} a ORDER BY a.department, a.username`);
  }

  /** False when the username is taken. */
  async insert(
    manager: EntityManager,
    account: Pick<AccountRow, 'id' | 'username' | 'displayName' | 'department' | 'roles' | 'passwordHash'>,
  ): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `INSERT INTO ${this.accounts} (id, username, display_name, department, roles, password_hash)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (username) DO NOTHING RETURNING id`,
      [account.id, account.username, account.displayName, account.department, account.roles, account.passwordHash],
    );
    return rows.length === 1;
  }

  async update(
    manager: EntityManager,
    id: string,
    change: { roles?: string[]; displayName?: string; disabled?: boolean; passwordHash?: string },
  ): Promise<void> {
    await manager.query(
      `UPDATE ${this.accounts} SET
         roles = COALESCE($2, roles),
         display_name = COALESCE($3, display_name),
         disabled_at = CASE WHEN $4::boolean IS NULL THEN disabled_at WHEN $4 THEN COALESCE(disabled_at, now()) END,
         password_hash = COALESCE($5, password_hash),
         failed_logins = CASE WHEN $5::text IS NULL THEN failed_logins ELSE 0 END,
         locked_until = CASE WHEN $5::text IS NULL THEN locked_until END
       WHERE id = $1`,
      [id, change.roles ?? null, change.displayName ?? null, change.disabled ?? null, change.passwordHash ?? null],
    );
  }

  /**
   * One more consecutive failure: the count after it, and the lock `lockFor(count)` seconds from now (none for 0).
   * One statement, so that failures racing on replicas each count.
   */
  async recordFailure(id: string, lockFor: (failures: number) => number): Promise<{ failures: number }> {
    const [row] = (await this.dataSource.query(
      `UPDATE ${this.accounts} SET failed_logins = failed_logins + 1 WHERE id = $1 RETURNING failed_logins AS failures`,
      [id],
    )) as [[{ failures: number }], number];
    const failures = row[0].failures;
    const seconds = lockFor(failures);
    if (seconds > 0) {
      await this.dataSource.query(
        `UPDATE ${this.accounts} SET locked_until = now() + make_interval(secs => $2) WHERE id = $1`,
        [id, seconds],
      );
    }
    return { failures };
  }

  /** Seconds the account stays locked from now (rounded up), 0 when it is not. */
  async lockedFor(id: string): Promise<number> {
    const rows: { seconds: number | null }[] = await this.dataSource.query(
      `SELECT ceil(extract(epoch FROM locked_until - now()))::int AS seconds FROM ${this.accounts}
        WHERE id = $1 AND locked_until > now()`,
      [id],
    );
    return rows[0]?.seconds ?? 0;
  }

  async recordSuccess(id: string): Promise<void> {
    await this.dataSource.query(`UPDATE ${this.accounts} SET failed_logins = 0, locked_until = NULL WHERE id = $1`, [
      id,
    ]);
  }

  /** A new session of `maxHours` at most; its expiry as the idle time-out first gives it. */
  async startSession(tokenSha256: Buffer, accountId: string, idleMinutes: number, maxHours: number): Promise<Date> {
    const rows: { expiresAt: Date }[] = await this.dataSource.query(
      `INSERT INTO ${this.sessions} (token_sha256, account_id, created_at, last_seen_at, expires_at)
       VALUES ($1, $2, now(), now(), now() + make_interval(hours => $4))
       RETURNING LEAST(expires_at, last_seen_at + make_interval(mins => $3)) AS "expiresAt"`,
      [tokenSha256, accountId, idleMinutes, maxHours],
    );
    return rows[0]!.expiresAt;
  }

  /**
   * The live session of this token's hash, its idle time-out restarted: not ended, not past its absolute end, seen
   * within the idle time-out, of an account not disabled. Its account as it is now (roles changed show at once).
   */
  async touchSession(tokenSha256: Buffer, idleMinutes: number): Promise<LiveSessionRow | undefined> {
    const [rows] = (await this.dataSource.query(
      `UPDATE ${this.sessions} s SET last_seen_at = now()
         FROM ${this.accounts} a
        WHERE s.token_sha256 = $1 AND a.id = s.account_id AND a.disabled_at IS NULL AND s.ended_at IS NULL
          AND s.expires_at > now() AND s.last_seen_at > now() - make_interval(mins => $2)
      RETURNING a.id AS "accountId", a.username, a.display_name AS "displayName", a.department, a.roles,
                LEAST(s.expires_at, now() + make_interval(mins => $2)) AS "expiresAt"`,
      [tokenSha256, idleMinutes],
    )) as [LiveSessionRow[], number];
    return rows[0];
  }

  async endSession(tokenSha256: Buffer): Promise<void> {
    await this.dataSource.query(
      `UPDATE ${this.sessions} SET ended_at = now() WHERE token_sha256 = $1 AND ended_at IS NULL`,
      [tokenSha256],
    );
  }

  /** Every live session of the account ends (disabled, or its password set by an admin). */
  async endSessionsOf(manager: EntityManager, accountId: string): Promise<void> {
    await manager.query(`UPDATE ${this.sessions} SET ended_at = now() WHERE account_id = $1 AND ended_at IS NULL`, [
      accountId,
    ]);
  }
}
