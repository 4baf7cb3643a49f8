import { LedgerCheckpoint } from './checkpoint';
import { LedgerEntry } from './ledger-hashes';
import { LEDGER_EXPORT_FORMAT, LedgerExport } from './ledger-export';
import { LedgerVerification, LedgerVerifier } from './verify-ledger';

/** Runs one statement and gives its rows: an EntityManager's `query`, or a pg client's wrapped. */
export type LedgerSql = (sql: string, params?: unknown[]) => Promise<Record<string, unknown>[]>;

const PAGE = 10_000;

/**
 * Reads the console's ledger tables (`<schema>.ledger_entries`, `ledger_checkpoints`, `ledger_head`) as they are,
 * for the console and for `hub verify-ledger`, which reads PostgreSQL without the console.
 */
export class LedgerStore {
  constructor(
    private readonly sql: LedgerSql,
    private readonly schema = 'console',
  ) {}

  async size(): Promise<number> {
    const [row] = await this.sql(`SELECT size FROM ${this.schema}.ledger_head WHERE id = 1`);
    return row ? Number(row.size) : 0;
  }

  /** Entries `from`..`to` in seq order, a page at a time. */
  async *entries(from: number, to: number): AsyncGenerator<LedgerEntry> {
    for (let next = from; next <= to;) {
      const rows = await this.sql(
        `SELECT seq, topic, kafka_partition, kafka_offset, event_id, event_type,
                encode(value_sha256, 'hex') AS value_sha256, encode(prev_hash, 'hex') AS prev_hash,
                encode(hash, 'hex') AS hash
           FROM ${this.schema}.ledger_entries WHERE seq >= $1 AND seq <= $2 ORDER BY seq LIMIT ${PAGE}`,
        [next, to],
      );
      if (rows.length === 0) return;
      for (const row of rows) yield entryOf(row);
      next = Number(rows[rows.length - 1].seq) + 1;
    }
  }

  /**
   * Recomputes entries `from`..`to` (to the head by default) as stored, widened to the checkpoints around them: from
   * the latest checkpoint before `from` (its signed frontier carries the tree) to the first one at or past `to`.
   */
  async verify(publicKey: string, from = 1, to?: number): Promise<LedgerVerification> {
    const size = await this.size();
    const end = Math.min(to ?? size, size);
    const anchor = from > 1 ? await this.anchorBefore(from) : null;
    const start = (anchor?.size ?? 0) + 1;
    const checkpoints = await this.checkpoints(start);
    const closing = checkpoints.find((c) => c.size >= end)?.size ?? size;
    const verifier = new LedgerVerifier({
      checkpoints: checkpoints.filter((c) => c.size <= closing),
      publicKey,
      anchor: anchor ?? undefined,
      expectedSize: closing,
    });
    for await (const entry of this.entries(start, closing)) verifier.add(entry);
    return verifier.finish();
  }

  async checkpoints(fromSize = 1, toSize = Number.MAX_SAFE_INTEGER): Promise<LedgerCheckpoint[]> {
    const rows = await this.sql(
      `SELECT size, encode(root_hash, 'hex') AS root_hash, encode(chain_head, 'hex') AS chain_head, issued_at,
              key_id, signature, frontier
         FROM ${this.schema}.ledger_checkpoints WHERE size >= $1 AND size <= $2 ORDER BY size`,
      [fromSize, toSize],
    );
    return rows.map(checkpointOf);
  }

  /** The latest checkpoint before entry `seq`, the range's anchor. */
  async anchorBefore(seq: number): Promise<LedgerCheckpoint | null> {
    const rows = await this.sql(
      `SELECT size, encode(root_hash, 'hex') AS root_hash, encode(chain_head, 'hex') AS chain_head, issued_at,
              key_id, signature, frontier
         FROM ${this.schema}.ledger_checkpoints WHERE size < $1 ORDER BY size DESC LIMIT 1`,
      [seq],
    );
    return rows.length > 0 ? checkpointOf(rows[0]) : null;
  }

  /**
   * Entries `from`..`to` widened to checkpoints: from just after the latest checkpoint before `from`, up to the
   * first checkpoint at or past `to` (or the head).
   */
  async export(from: number, to: number, publicKey: string): Promise<LedgerExport> {
    const size = await this.size();
    const anchor = await this.anchorBefore(Math.max(1, from));
    const [closing] = await this.sql(
      `SELECT min(size) AS size FROM ${this.schema}.ledger_checkpoints WHERE size >= $1`,
      [Math.min(to, size)],
    );
    const end = closing?.size == null ? size : Number(closing.size);
    const start = (anchor?.size ?? 0) + 1;
    const entries: LedgerEntry[] = [];
    for await (const entry of this.entries(start, end)) entries.push(entry);
    return {
      format: LEDGER_EXPORT_FORMAT,
      exportedAt: new Date().toISOString(),
      size,
      anchor,
      entries,
      checkpoints: await this.checkpoints(start, end),
      publicKey,
    };
  }
}

function entryOf(row: Record<string, unknown>): LedgerEntry {
  return {
    seq: Number(row.seq),
    topic: String(row.topic),
    partition: Number(row.kafka_partition),
    offset: String(row.kafka_offset),
    eventId: row.event_id === null ? null : String(row.event_id),
    eventType: row.event_type === null ? null : String(row.event_type),
    valueSha256: String(row.value_sha256),
    prevHash: String(row.prev_hash),
    hash: String(row.hash),
  };
}

function checkpointOf(row: Record<string, unknown>): LedgerCheckpoint {
  const frontier = String(row.frontier);
  return {
    size: Number(row.size),
    rootHash: String(row.root_hash),
    chainHead: String(row.chain_head),
    issuedAt: row.issued_at instanceof Date ? row.issued_at.toISOString() : String(row.issued_at),
    keyId: String(row.key_id),
    signature: String(row.signature),
    frontier: frontier === '' ? [] : frontier.split(','),
  };
}
