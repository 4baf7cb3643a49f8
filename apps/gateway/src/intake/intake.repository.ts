import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { IntakeReceipt } from './entities/intake-receipt.entity';

export interface NewReceipt {
  source: string;
  eventId: string;
  fingerprint: string;
  hubId: string;
  type: string;
  topic: string;
  department: string;
  channel: string;
  accessKeyId: string | null;
}

export interface StoredReceipt {
  source: string;
  eventId: string;
  fingerprint: string;
  hubId: string;
  type: string;
  topic: string;
  acceptedAt: Date;
}

const RECEIPT_COLUMNS = `source, event_id AS "eventId", fingerprint, hub_id AS "hubId", type, topic, accepted_at AS "acceptedAt"`;

/** Receipts of accepted events; every call runs in the caller's transaction, beside the outbox write. */
@Injectable()
export class IntakeRepository {
  private readonly table: string;

  constructor(private readonly dataSource: DataSource) {
    this.table = dataSource.getMetadata(IntakeReceipt).tablePath;
  }

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /**
   * Inserts the receipts whose `source` + `id` is new, in one statement; returns those it inserted. A concurrent
   * transaction inserting the same identity makes this one wait for it, then skip the row. Rows go in in identity
   * order, so that two transactions waiting on each other's identities cannot deadlock.
   */
  async insertNew(manager: EntityManager, receipts: readonly NewReceipt[]): Promise<StoredReceipt[]> {
    if (receipts.length === 0) return [];
    const ordered = [...receipts].sort((a, b) => compare(a.source, b.source) || compare(a.eventId, b.eventId));
    const column = <K extends keyof NewReceipt>(key: K) => ordered.map((r) => r[key]);
    return manager.query(
      `INSERT INTO ${this.table} (source, event_id, fingerprint, hub_id, type, topic, department, channel, access_key_id)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::uuid[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[])
       ON CONFLICT (source, event_id) DO NOTHING
       RETURNING ${RECEIPT_COLUMNS}`,
      [
        column('source'),
        column('eventId'),
        column('fingerprint'),
        column('hubId'),
        column('type'),
        column('topic'),
        column('department'),
        column('channel'),
        column('accessKeyId'),
      ],
    );
  }

  async find(
    manager: EntityManager,
    identities: readonly { source: string; eventId: string }[],
  ): Promise<StoredReceipt[]> {
    if (identities.length === 0) return [];
    return manager.query(
      `SELECT ${RECEIPT_COLUMNS} FROM ${this.table}
        WHERE (source, event_id) IN (SELECT * FROM unnest($1::text[], $2::text[]))`,
      [identities.map((i) => i.source), identities.map((i) => i.eventId)],
    );
  }
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
