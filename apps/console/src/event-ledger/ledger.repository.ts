import { EntityManager } from 'typeorm';
import { LedgerCheckpoint, LedgerEntry } from '@hub/ledger';

/** The ledger's head as locked for an append or a checkpoint. */
export interface LedgerHead {
  size: number;
  chainHead: string;
  frontier: string[];
}

/** An entry with its Kafka timestamp (ms since the epoch), as appended. */
export type AppendedEntry = LedgerEntry & { kafkaTimestamp: string };

/** The ledger's SQL; every method takes the caller's transaction. */
export class LedgerRepository {
  constructor(private readonly schema: string) {}

  /** Locks the head row: appends and checkpoints of every replica take their turn here. */
  async lockHead(manager: EntityManager): Promise<LedgerHead> {
    const [row] = (await manager.query(
      `SELECT size, encode(chain_head, 'hex') AS chain_head, frontier FROM "${this.schema}".ledger_head WHERE id = 1 FOR UPDATE`,
    )) as { size: string; chain_head: string; frontier: string }[];
    return { size: Number(row.size), chainHead: row.chain_head, frontier: row.frontier ? row.frontier.split(',') : [] };
  }

  /** Which of a partition's offsets in [from, to] are in the ledger already (a batch read again after a restart). */
  async present(
    manager: EntityManager,
    topic: string,
    partition: number,
    from: string,
    to: string,
  ): Promise<Set<string>> {
    const rows = (await manager.query(
      `SELECT kafka_offset FROM "${this.schema}".ledger_entries
        WHERE topic = $1 AND kafka_partition = $2 AND kafka_offset BETWEEN $3 AND $4`,
      [topic, partition, from, to],
    )) as { kafka_offset: string }[];
    return new Set(rows.map((r) => String(r.kafka_offset)));
  }

  async append(manager: EntityManager, entries: AppendedEntry[], head: LedgerHead): Promise<void> {
    if (entries.length === 0) return;
    const column = <T>(pick: (e: AppendedEntry) => T): T[] => entries.map(pick);
    await manager.query(
      `INSERT INTO "${this.schema}".ledger_entries
         (seq, topic, kafka_partition, kafka_offset, event_id, event_type, value_sha256, prev_hash, hash, kafka_timestamp)
       SELECT seq, topic, p, o, id, type, decode(v, 'hex'), decode(prev, 'hex'), decode(h, 'hex'), to_timestamp(ts / 1000.0)
         FROM unnest($1::bigint[], $2::text[], $3::int[], $4::bigint[], $5::text[], $6::text[], $7::text[], $8::text[],
                     $9::text[], $10::bigint[]) AS u(seq, topic, p, o, id, type, v, prev, h, ts)`,
      [
        column((e) => e.seq),
        column((e) => e.topic),
        column((e) => e.partition),
        column((e) => e.offset),
        column((e) => e.eventId),
        column((e) => e.eventType),
        column((e) => e.valueSha256),
        column((e) => e.prevHash),
        column((e) => e.hash),
        column((e) => e.kafkaTimestamp),
      ],
    );
    await manager.query(
      `UPDATE "${this.schema}".ledger_head SET size = $1, chain_head = decode($2, 'hex'), frontier = $3, updated_at = now() WHERE id = 1`,
      [head.size, head.chainHead, head.frontier.join(',')],
    );
  }

  async lastCheckpoint(manager: EntityManager): Promise<{ size: number; issuedAt: string } | undefined> {
    const [row] = (await manager.query(
      `SELECT size, issued_at FROM "${this.schema}".ledger_checkpoints ORDER BY size DESC LIMIT 1`,
    )) as { size: string; issued_at: string }[];
    return row ? { size: Number(row.size), issuedAt: row.issued_at } : undefined;
  }

  async addCheckpoint(manager: EntityManager, checkpoint: LedgerCheckpoint, eventId: string): Promise<void> {
    await manager.query(
      `INSERT INTO "${this.schema}".ledger_checkpoints
         (size, root_hash, chain_head, issued_at, key_id, signature, frontier, event_id)
       VALUES ($1, decode($2, 'hex'), decode($3, 'hex'), $4, $5, $6, $7, $8)`,
      [
        checkpoint.size,
        checkpoint.rootHash,
        checkpoint.chainHead,
        checkpoint.issuedAt,
        checkpoint.keyId,
        checkpoint.signature,
        checkpoint.frontier.join(','),
        eventId,
      ],
    );
  }
}
