import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { KafkaRecord, OutboxWriter } from '@hub/messaging';
import { PreparedStatement, preparedStatement, runPrepared } from '@hub/persistence';
import { NonceClaim } from '../auth/caller.decorator';
import { RequestNonce as RequestNonceEntity } from '../auth/entities/request-nonce.entity';
import { Credential } from '../credentials/entities/credential.entity';
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

/** A new event to admit: its receipt, the Kafka record it becomes, and which request of the statement sent it. */
export interface NewAdmission {
  readonly receipt: NewReceipt;
  readonly record: KafkaRecord;
  readonly request: number;
}

/** A request's nonce, recorded in the statement that admits its events: if it was used before, none of them is. */
export interface RequestNonce extends NonceClaim {
  readonly request: number;
}

export interface Inserted {
  readonly receipts: StoredReceipt[];
  /** The requests whose nonce was used before: nothing of theirs was inserted. */
  readonly replayed: ReadonlySet<number>;
  /** The requests whose credential is no longer active (revoked, expired): nothing of theirs was inserted. */
  readonly inactive: ReadonlySet<number>;
}

/** Receipts of accepted events, written with the events' outbox rows. */
@Injectable()
export class IntakeRepository {
  private readonly table: string;
  private readonly nonceTable: string;
  private readonly credentialTable: string;
  /** insertNew's statement: prepared, as it runs for every group of requests admitted. */
  private readonly insertNewStatement: PreparedStatement;

  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
  ) {
    this.table = dataSource.getMetadata(IntakeReceipt).tablePath;
    this.nonceTable = dataSource.getMetadata(RequestNonceEntity).tablePath;
    this.credentialTable = dataSource.getMetadata(Credential).tablePath;
    this.insertNewStatement = preparedStatement(
      `WITH nonce_input AS (
           SELECT * FROM unnest($16::text[], $17::text[], $18::float8[], $19::int[]) AS n(access_key_id, nonce, expires, request)
         ),
         -- A request admits nothing unless its credential is still active as this statement runs, whatever a
         -- replica's cached copy said: a revocation holds from the next statement.
         live_nonce AS (
           SELECT n.* FROM nonce_input n
            WHERE EXISTS (SELECT 1 FROM ${this.credentialTable} c
                           WHERE c.access_key_id = n.access_key_id AND c.revoked_at IS NULL
                             AND (c.expires_at IS NULL OR c.expires_at > now()))
         ),
         fresh_nonce AS (
           INSERT INTO ${this.nonceTable} (access_key_id, nonce, expires_at)
           SELECT access_key_id, nonce, to_timestamp(expires) FROM live_nonce ORDER BY access_key_id, nonce
           ON CONFLICT (access_key_id, nonce) DO NOTHING
           RETURNING access_key_id, nonce
         ),
         replayed AS (
           SELECT n.request, EXISTS (SELECT 1 FROM live_nonce l WHERE l.request = n.request) AS live
             FROM nonce_input n
            WHERE NOT EXISTS (SELECT 1 FROM fresh_nonce f WHERE f.access_key_id = n.access_key_id AND f.nonce = n.nonce)
         ),
         input AS (
           -- The headers come as one JSON array, not as an array of JSON texts: node-postgres would escape every
           -- quote of every header object into the array literal.
           SELECT * FROM ROWS FROM (
               unnest($1::text[], $2::text[], $3::text[], $4::uuid[], $5::text[], $6::text[], $7::text[], $8::text[],
                      $9::text[], $10::text[], $11::text[]),
               jsonb_array_elements($12::jsonb),
               unnest($13::bytea[], $14::int[], $15::int[]))
             WITH ORDINALITY AS i(source, event_id, fingerprint, hub_id, type, topic, department, channel, access_key_id,
                                  record_topic, record_key, record_headers, record_value, lock_order, request, given_order)
            WHERE request NOT IN (SELECT request FROM replayed)
         ),
         inserted AS (
           INSERT INTO ${this.table} (source, event_id, fingerprint, hub_id, type, topic, department, channel, access_key_id)
           SELECT source, event_id, fingerprint, hub_id, type, topic, department, channel, access_key_id
             FROM input ORDER BY lock_order
           ON CONFLICT (source, event_id) DO NOTHING
           RETURNING hub_id AS "hubId", accepted_at AS "acceptedAt"
         ),
         relayed AS (
           ${this.outbox.insertSql(`SELECT i.event_id, i.record_topic, i.record_key, i.record_headers, i.record_value
             FROM input i JOIN inserted r ON r."hubId" = i.hub_id ORDER BY i.given_order`)}
         )
         SELECT *, NULL::int AS "replayedRequest", NULL::boolean AS live FROM inserted
         UNION ALL
         SELECT NULL, NULL, request, live FROM replayed`,
    );
  }

  /** For work outside a transaction: each statement commits on its own. */
  get manager(): EntityManager {
    return this.dataSource.manager;
  }

  /**
   * Records the requests' nonces, inserts the receipts whose `source` + `id` is new and puts their events in the
   * outbox, in one statement (so it commits whole even outside a transaction, in one round trip); returns the
   * receipts it inserted, and the requests whose nonce was used before, none of whose events it inserted. A
   * concurrent statement inserting the same identity (or nonce) makes this one wait for it, then skip the row.
   * Nonces go in first and receipts in identity order, so that two statements waiting on each other cannot
   * deadlock; the outbox keeps the order the events were given in (per key, the order they reach Kafka).
   */
  async insertNew(
    manager: EntityManager,
    admissions: readonly NewAdmission[],
    nonces: readonly RequestNonce[] = [],
  ): Promise<Inserted> {
    if (admissions.length === 0 && nonces.length === 0) {
      return { receipts: [], replayed: new Set(), inactive: new Set() };
    }
    const lockOrder = admissions
      .map((a, index) => ({ a, index }))
      .sort(
        (x, y) => compare(x.a.receipt.source, y.a.receipt.source) || compare(x.a.receipt.eventId, y.a.receipt.eventId),
      )
      .map(({ index }, rank) => ({ index, rank }))
      .sort((x, y) => x.index - y.index)
      .map(({ rank }) => rank);
    const column = <K extends keyof NewReceipt>(key: K) => admissions.map((a) => a.receipt[key]);
    type Row =
      | { hubId: string; acceptedAt: Date; replayedRequest: null; live: null }
      | { replayedRequest: number; live: boolean };
    const rows = await runPrepared<Row>(manager, this.insertNewStatement, [
      column('source'),
      column('eventId'),
      column('fingerprint'),
      column('hubId'),
      column('type'),
      column('topic'),
      column('department'),
      column('channel'),
      column('accessKeyId'),
      admissions.map((a) => a.record.topic),
      admissions.map((a) => a.record.key),
      JSON.stringify(admissions.map((a) => a.record.headers)),
      admissions.map((a) => a.record.value),
      lockOrder,
      admissions.map((a) => a.request),
      nonces.map((n) => n.accessKeyId),
      nonces.map((n) => n.nonce),
      nonces.map((n) => n.expiresAtSeconds),
      nonces.map((n) => n.request),
    ]);
    // Only the hub id and time of what went in come back: the rest of each receipt is what was sent.
    const sent = new Map(admissions.map(({ receipt }) => [receipt.hubId, receipt]));
    const receipts: StoredReceipt[] = [];
    const replayed = new Set<number>();
    const inactive = new Set<number>();
    for (const row of rows) {
      if (row.replayedRequest !== null) {
        (row.live ? replayed : inactive).add(row.replayedRequest);
        continue;
      }
      const { source, eventId, fingerprint, type, topic } = sent.get(row.hubId)!;
      receipts.push({ source, eventId, fingerprint, hubId: row.hubId, type, topic, acceptedAt: row.acceptedAt });
    }
    return { receipts, replayed, inactive };
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
