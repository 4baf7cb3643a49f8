import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Credential } from './entities/credential.entity';
import { DepartmentSystem } from './entities/department-system.entity';

export interface CredentialRow {
  accessKeyId: string;
  systemId: string;
  sealedSecret: Buffer;
  createdAt: Date;
  expiresAt: Date | null;
  revokedAt: Date | null;
}

export interface SystemRow {
  id: string;
  department: string;
  name: string;
  description: string | null;
  admin: boolean;
  createdAt: Date;
}

/** An active credential with the system it belongs to. */
export interface ActiveCredentialRow extends CredentialRow {
  department: string;
  systemName: string;
  admin: boolean;
}

const CREDENTIAL_COLUMNS = `c.access_key_id AS "accessKeyId", c.system_id AS "systemId", c.sealed_secret AS "sealedSecret",
  c.created_at AS "createdAt", c.expires_at AS "expiresAt", c.revoked_at AS "revokedAt"`;
const SYSTEM_COLUMNS = `s.id, s.department, s.name, s.description, s.admin, s.created_at AS "createdAt"`;

/** Department systems and credentials in the gateway's schema. */
@Injectable()
export class CredentialsRepository {
  private readonly systems: string;
  private readonly credentials: string;

  constructor(private readonly dataSource: DataSource) {
    this.systems = dataSource.getMetadata(DepartmentSystem).tablePath;
    this.credentials = dataSource.getMetadata(Credential).tablePath;
  }

  async findActive(accessKeyId: string): Promise<ActiveCredentialRow | undefined> {
    const rows: ActiveCredentialRow[] = await this.dataSource.query(
      `SELECT ${CREDENTIAL_COLUMNS}, s.department, s.name AS "systemName", s.admin
         FROM ${this.credentials} c JOIN ${this.systems} s ON s.id = c.system_id
        WHERE c.access_key_id = $1 AND c.revoked_at IS NULL AND (c.expires_at IS NULL OR c.expires_at > now())`,
      [accessKeyId],
    );
    return rows[0];
  }

  async findSystem(id: string): Promise<SystemRow | undefined> {
    const rows: SystemRow[] = await this.dataSource.query(
      `SELECT ${SYSTEM_COLUMNS} FROM ${this.systems} s WHERE s.id = $1`,
      [id],
    );
    return rows[0];
  }

  async findSystemByName(manager: EntityManager, department: string, name: string): Promise<SystemRow | undefined> {
    const rows: SystemRow[] = await manager.query(
      `SELECT ${SYSTEM_COLUMNS} FROM ${this.systems} s WHERE s.department = $1 AND s.name = $2`,
      [department, name],
    );
    return rows[0];
  }

  async listSystems(department?: string): Promise<SystemRow[]> {
    return this.dataSource.query(
      `SELECT ${SYSTEM_COLUMNS} FROM ${this.systems} s
        WHERE $1::text IS NULL OR s.department = $1 ORDER BY s.department, s.name`,
      [department ?? null],
    );
  }

  async credentialsOf(systemIds: readonly string[]): Promise<CredentialRow[]> {
    return this.dataSource.query(
      `SELECT ${CREDENTIAL_COLUMNS} FROM ${this.credentials} c WHERE c.system_id = ANY($1::uuid[]) ORDER BY c.created_at, c.access_key_id`,
      [systemIds],
    );
  }

  async findCredential(accessKeyId: string): Promise<CredentialRow | undefined> {
    const rows: CredentialRow[] = await this.dataSource.query(
      `SELECT ${CREDENTIAL_COLUMNS} FROM ${this.credentials} c WHERE c.access_key_id = $1`,
      [accessKeyId],
    );
    return rows[0];
  }

  async countSystemsByDepartment(): Promise<Map<string, number>> {
    const rows: { department: string; n: number }[] = await this.dataSource.query(
      `SELECT department, count(*)::int AS n FROM ${this.systems} GROUP BY department`,
    );
    return new Map(rows.map((r) => [r.department, r.n]));
  }

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /** Inserts the system unless one of that name exists in the department; returns whether it did. */
  async insertSystem(manager: EntityManager, system: Omit<SystemRow, 'createdAt'>): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `INSERT INTO ${this.systems} (id, department, name, description, admin) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (department, name) DO NOTHING RETURNING id`,
      [system.id, system.department, system.name, system.description, system.admin],
    );
    return rows.length === 1;
  }

  /** Inserts the credential unless its access key id exists; returns the stored row either way. */
  async insertCredential(
    manager: EntityManager,
    accessKeyId: string,
    systemId: string,
    sealedSecret: Buffer,
  ): Promise<CredentialRow> {
    await manager.query(
      `INSERT INTO ${this.credentials} (access_key_id, system_id, sealed_secret) VALUES ($1, $2, $3) ON CONFLICT (access_key_id) DO NOTHING`,
      [accessKeyId, systemId, sealedSecret],
    );
    const rows: CredentialRow[] = await manager.query(
      `SELECT ${CREDENTIAL_COLUMNS} FROM ${this.credentials} c WHERE c.access_key_id = $1`,
      [accessKeyId],
    );
    return rows[0];
  }

  /**
   * Gives every credential of the system that is active and would outlive the overlap an expiry `overlapSeconds`
   * from now; returns those it changed.
   */
  async expireActive(
    manager: EntityManager,
    systemId: string,
    overlapSeconds: number,
    except: string,
  ): Promise<CredentialRow[]> {
    // An UPDATE answers [rows, count] through TypeORM's postgres driver.
    const [rows] = (await manager.query(
      `UPDATE ${this.credentials} c SET expires_at = now() + make_interval(secs => $2)
        WHERE c.system_id = $1 AND c.access_key_id <> $3 AND c.revoked_at IS NULL
          AND (c.expires_at IS NULL OR c.expires_at > now() + make_interval(secs => $2))
        RETURNING ${CREDENTIAL_COLUMNS}`,
      [systemId, overlapSeconds, except],
    )) as [CredentialRow[], number];
    return rows;
  }

  async reseal(manager: EntityManager, accessKeyId: string, sealedSecret: Buffer): Promise<void> {
    await manager.query(`UPDATE ${this.credentials} SET sealed_secret = $2 WHERE access_key_id = $1`, [
      accessKeyId,
      sealedSecret,
    ]);
  }

  /** Revokes the credential now (a second revocation keeps the first time); undefined if it does not exist. */
  async revoke(manager: EntityManager, accessKeyId: string): Promise<CredentialRow | undefined> {
    const [rows] = (await manager.query(
      `UPDATE ${this.credentials} c SET revoked_at = COALESCE(c.revoked_at, now()) WHERE c.access_key_id = $1 RETURNING ${CREDENTIAL_COLUMNS}`,
      [accessKeyId],
    )) as [CredentialRow[], number];
    return rows[0];
  }
}
