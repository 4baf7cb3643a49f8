import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { PersonAction } from './entities/person-action.entity';

export type PersonActionKind =
  'login' | 'login-failed' | 'login-locked' | 'login-disabled' | 'logout' | 'call' | 'admin';

export interface NewPersonAction {
  action: PersonActionKind;
  accountId: string | null;
  username: string;
  method: string;
  path: string;
  status: number;
  address: string | null;
  detail?: string;
}

export interface PersonActionRow extends Required<NewPersonAction> {
  id: string;
  at: Date;
  detail: string;
}

export interface PersonActionsFilter {
  /** An account id or a username. */
  person?: string;
  since?: Date;
  until?: Date;
  before?: string;
  limit: number;
}

/** The audit of people's actions: written as they happen, read by auditors newest first. */
@Injectable()
export class PersonActionsRepository {
  private readonly table: string;

  constructor(private readonly dataSource: DataSource) {
    this.table = dataSource.getMetadata(PersonAction).tablePath;
  }

  async record(action: NewPersonAction, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.query(
      `INSERT INTO ${this.table} (action, account_id, username, method, path, status, address, detail)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        action.action,
        action.accountId,
        action.username,
        action.method,
        action.path,
        action.status,
        action.address,
        action.detail ?? null,
      ],
    );
  }

  list(filter: PersonActionsFilter): Promise<PersonActionRow[]> {
    return this.dataSource.query(
      `SELECT a.id::text AS id, a.at, a.action, a.account_id AS "accountId", a.username, a.method, a.path, a.status,
              a.address, a.detail
         FROM ${this.table} a
        WHERE ($1::text IS NULL OR a.account_id::text = $1 OR a.username = $1)
          AND ($2::timestamptz IS NULL OR a.at >= $2) AND ($3::timestamptz IS NULL OR a.at < $3)
          AND ($4::bigint IS NULL OR a.id < $4)
        ORDER BY a.id DESC LIMIT $5`,
      [filter.person ?? null, filter.since ?? null, filter.until ?? null, filter.before ?? null, filter.limit],
    );
  }
}
