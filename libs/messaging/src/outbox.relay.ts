import { Logger } from '@nestjs/common';
import type { RecordMetadata } from 'kafkajs';
import { Client } from 'pg';
import { KAFKA_DEFAULT_MAX_MESSAGE_BYTES } from '@hub/config';
import { DeadLetterHeaders, deadLetterTopic } from '@hub/contracts';
import { HubMetrics } from '@hub/observability';
import { PostgresTimeouts, sessionClient } from '@hub/persistence';
import { RECORD_BATCH_OVERHEAD, fitDeadLetter, singleRecordBatchBytes } from './dead-letter-record';
import { HubProducer, refusedAsTooLarge } from './hub-producer';
import { KafkaRecord } from './kafka-record';
import { recordBytes } from './kafka-record-encoder';
import { sleep } from './sleep';

/** The least limit the relay falls back to when the broker refuses batches that KAFKA_MAX_MESSAGE_BYTES allows. */
const LEAST_LIMIT = 16_384;
/**
 * Bytes the SQL estimate adds to each row for what a record has beside its key, value and headers (varints,
 * attributes, deltas). The estimate need not be exact: the exact size is checked again before sending.
 */
const ROW_OVERHEAD = 32;

export interface OutboxRelayOptions {
  databaseUrl: string;
  /** The relay's session's time-outs; absent: @hub/persistence's defaults. */
  databaseTimeouts?: PostgresTimeouts;
  schema: string;
  producer: HubProducer;
  metrics?: HubMetrics;
  batchSize?: number;
  /**
   * The broker's limit on a record batch (KAFKA_MAX_MESSAGE_BYTES): a send holds at most this much per topic, and a
   * record that cannot fit a batch of its own is set aside.
   */
  maxMessageBytes?: number;
  /** Polling interval bounds: the wait after an empty look doubles from `minIdleMs` up to `maxIdleMs`. */
  minIdleMs?: number;
  maxIdleMs?: number;
  /** The wait after a batch smaller than `batchSize`, so that the next one carries more (Kafka's linger.ms). */
  lingerMs?: number;
  /** How often a standby replica tries to become the relay. */
  standbyMs?: number;
  /**
   * Told of each batch Kafka acknowledged, on the relay's session, before its rows are deleted: the records in the
   * order sent and the broker's answer (each partition's first offset). Best effort: a failure is logged, never
   * retried, so that nothing is produced twice for it.
   */
  onRelayed?: RelayObserver;
}

export type RelayObserver = (
  client: Client,
  records: readonly KafkaRecord[],
  written: readonly RecordMetadata[],
) => Promise<void>;

interface OutboxRow {
  position: string;
  topic: string;
  key: string | null;
  headers: Record<string, string>;
  value: Buffer;
  /** When the row was written (its created_at, its transaction's time), in whole milliseconds since the epoch. */
  accepted: string;
  /** The estimated bytes of the rows up to this one, this one included. */
  upto: string;
}

/**
 * Publishes the outbox in position order. Exactly one relay per schema is active at a time: it holds a session
 * advisory lock on its own connection, so a second replica waits as a standby and takes over when the first one's
 * connection ends. A row is deleted only after Kafka acknowledged it; a crash in between republishes it, and the
 * consumers' inbox makes that harmless (at-least-once out, exactly-once applied).
 *
 * A send holds at most `maxMessageBytes` per topic (the broker refuses a record batch over its `max.message.bytes`,
 * and every partition's batch is part of its topic's): the look at the outbox takes rows up to about that much in all,
 * and the exact sizes are checked before sending, rows in position order within each topic. A record too large for a
 * batch of its own can never be produced: it is set aside — dead-lettered to its topic's `.dlq`, cut to fit, with the
 * reason, so that the console shows it — and the rows behind it go on.
 *
 * It polls rather than LISTENs: a NOTIFY in the writers' transactions takes a database-wide lock at commit that
 * serialises every committing writer, which cost more throughput than polling costs latency (at most `maxIdleMs`
 * after a quiet spell, `minIdleMs` + `lingerMs` under load).
 */
export class OutboxRelay {
  private readonly logger = new Logger(OutboxRelay.name);
  private running = false;
  private loop?: Promise<void>;
  private wake?: () => void;
  private active = false;
  /** The limit in force: KAFKA_MAX_MESSAGE_BYTES, halved each time the broker refuses a batch under it. */
  private limit: number;
  private readonly configuredLimit: number;

  constructor(private readonly options: OutboxRelayOptions) {
    this.configuredLimit = options.maxMessageBytes ?? KAFKA_DEFAULT_MAX_MESSAGE_BYTES;
    this.limit = this.configuredLimit;
  }

  /** True while this instance holds the lock and relays (false on a standby). */
  get isActive(): boolean {
    return this.active;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
  }

  private async run(): Promise<void> {
    const { schema } = this.options;
    while (this.running) {
      const client = sessionClient(this.options.databaseUrl, `${schema}-relay`, this.options.databaseTimeouts);
      client.on('error', (error) => this.logger.warn(`relay connection: ${error.message}`));
      try {
        await client.connect();
        const lock = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock(hashtext($1)) AS locked', [
          `outbox:${schema}`,
        ]);
        if (!lock.rows[0].locked) {
          await client.end();
          await this.idle(this.options.standbyMs ?? 2_000);
          continue;
        }
        this.active = true;
        // The relay only deletes what Kafka acknowledged: losing such a delete in a crash republishes rows the
        // consumers' inbox already recognises, so these commits need not wait for the WAL flush.
        await client.query('SET synchronous_commit = off');
        await this.relay(client);
      } catch (error) {
        this.logger.error(`outbox relay for ${schema} failed, retrying: ${(error as Error).message}`);
        await this.idle(1_000);
      } finally {
        this.active = false;
        // Ending the session releases the advisory lock; a standby takes over.
        await client.end().catch(() => undefined);
      }
    }
  }

  private async relay(client: Client): Promise<void> {
    const { schema, metrics } = this.options;
    const batchSize = this.options.batchSize ?? 1_000;
    const minIdleMs = this.options.minIdleMs ?? 5;
    let wait = minIdleMs;
    while (this.running) {
      const rows = await this.take(client, batchSize);
      if (rows.length === 0) {
        metrics?.outboxBacklog.set({ schema }, 0);
        await this.idle(wait);
        wait = Math.min(wait * 2, this.options.maxIdleMs ?? 500);
        continue;
      }
      wait = minIdleMs;
      const { done, all } = await this.publish(client, rows);
      if (done.length === 0) continue;
      await client.query({
        name: 'outbox_delete',
        text: `DELETE FROM "${schema}"."outbox" WHERE position = ANY($1::bigint[])`,
        values: [done],
      });
      // A short look that the byte bound did not cut (the row past it would start beyond it), all of it sent: the
      // outbox is drained for now.
      const cut = Number(rows[rows.length - 1].upto) >= this.limit - RECORD_BATCH_OVERHEAD;
      const drained = rows.length < batchSize && !cut && all;
      if (drained) {
        if (this.options.lingerMs) await this.idle(this.options.lingerMs);
      } else if (metrics) {
        // Counted past the last row relayed, along the primary key: counting the whole table would read every row
        // deleted and not yet vacuumed, which under a backlog is most of it, after every batch.
        const count = await client.query<{ n: string }>({
          name: 'outbox_backlog',
          text: `SELECT count(*) AS n FROM "${schema}"."outbox" WHERE position > $1`,
          values: [done[done.length - 1]],
        });
        metrics.outboxBacklog.set({ schema }, Number(count.rows[0].n));
      }
    }
  }

  /**
   * The next rows to send, from the head of the outbox: those that start within the limit, by an estimate of their
   * bytes read from the rows' lengths (so that the values of rows left for later are not fetched), and so at least the
   * first, whatever its size. One running sum along the primary key's order: no sort (bench/gateway).
   */
  private async take(client: Client, batchSize: number): Promise<OutboxRow[]> {
    const { schema } = this.options;
    // Named: the session parses and plans each of the relay's statements once.
    const { rows } = await client.query<OutboxRow>({
      name: 'outbox_take',
      text: `SELECT position, topic, key, headers, value, accepted, upto FROM (
               SELECT position, topic, key, headers, value, accepted, bytes,
                      sum(bytes) OVER (ORDER BY position ROWS UNBOUNDED PRECEDING) AS upto
                 FROM (SELECT position, topic, key, headers, value,
                              floor(extract(epoch FROM created_at) * 1000)::bigint::text AS accepted,
                              ${ROW_OVERHEAD} + octet_length(value) + coalesce(octet_length(key), 0)
                                + pg_column_size(headers) AS bytes
                         FROM "${schema}"."outbox" ORDER BY position LIMIT $1) AS oldest) AS sized
              WHERE upto - bytes < $2
              ORDER BY position`,
      values: [batchSize, this.limit - RECORD_BATCH_OVERHEAD],
    });
    return rows;
  }

  /**
   * Sends what fits and sets aside what never can; returns the positions of both (to delete), in order, and whether
   * that was all of `rows`. The exact sizes are checked here (the query's are estimates): rows of a topic past its
   * limit wait for the next send.
   */
  private async publish(client: Client, rows: OutboxRow[]): Promise<{ done: string[]; all: boolean }> {
    const perTopic = this.limit - RECORD_BATCH_OVERHEAD;
    const used = new Map<string, number>();
    const full = new Set<string>();
    const sent: OutboxRow[] = [];
    const setAside: { row: OutboxRow; reason: string }[] = [];
    for (const row of rows) {
      if (full.has(row.topic)) continue;
      const record = recordOf(row);
      const before = used.get(row.topic) ?? 0;
      if (before === 0 && singleRecordBatchBytes(record) > this.limit) {
        const source = this.limit === this.configuredLimit ? 'KAFKA_MAX_MESSAGE_BYTES' : 'as the broker refused more';
        const reason = `its record of ${singleRecordBatchBytes(record)} bytes exceeds the broker's limit of ${this.limit} bytes (${source}): it can never be produced`;
        setAside.push({ row, reason });
        // The rows behind it on its topic were left out of this look: they follow it in the next.
        full.add(row.topic);
        continue;
      }
      // Its offset and timestamp deltas within the partition's batch take a few bytes more than alone.
      const bytes = recordBytes(record) + 8;
      if (before > 0 && before + bytes > perTopic) {
        full.add(row.topic);
        continue;
      }
      used.set(row.topic, before + bytes);
      sent.push(row);
    }
    const letters = setAside.flatMap(({ row, reason }) => this.setAsideRecord(row, reason));
    const records = [...sent.map(recordOf), ...letters];
    let written: RecordMetadata[];
    try {
      written = await this.options.producer.send(records);
    } catch (error) {
      if (!refusedAsTooLarge(error)) throw error;
      return { done: await this.refusedAsTooLarge(sent, setAside.length), all: false };
    }
    await this.options
      .onRelayed?.(client, records, written)
      .catch((error: Error) =>
        this.logger.warn(`the relay's observer failed (the batch is relayed all the same): ${error.message}`),
      );
    for (const { row, reason } of setAside) {
      this.options.metrics?.outboxSetAside.inc({ schema: this.options.schema, topic: row.topic });
      this.logger.warn(`set aside outbox row ${row.position} for ${row.topic} as a dead letter: ${reason}`);
    }
    const done = [...sent, ...setAside.map((s) => s.row)].map((r) => r.position).sort(byPosition);
    return { done, all: done.length === rows.length };
  }

  /**
   * The broker refused a batch that the limit in force allows: its own limit is lower (KAFKA_MAX_MESSAGE_BYTES is set
   * too high, or a topic has a lower max.message.bytes). The relay goes on under half the limit; a record the broker
   * refuses on its own is set aside at once.
   */
  private async refusedAsTooLarge(sent: OutboxRow[], setAside: number): Promise<string[]> {
    if (sent.length === 1 && setAside === 0) {
      const [row] = sent;
      const reason = `the broker refused its record of ${singleRecordBatchBytes(recordOf(row))} bytes as too large (MESSAGE_TOO_LARGE)`;
      try {
        await this.options.producer.send(this.setAsideRecord(row, reason));
        this.options.metrics?.outboxSetAside.inc({ schema: this.options.schema, topic: row.topic });
        this.logger.warn(`set aside outbox row ${row.position} for ${row.topic} as a dead letter: ${reason}`);
        return [row.position];
      } catch (error) {
        if (!refusedAsTooLarge(error)) throw error;
      }
    }
    const halved = Math.max(LEAST_LIMIT, Math.floor(this.limit / 2));
    if (halved === this.limit) throw new Error(`the broker refuses record batches of ${this.limit} bytes`);
    this.logger.error(
      `the broker refused a record batch under ${this.limit} bytes as too large: KAFKA_MAX_MESSAGE_BYTES is above the broker's or a topic's max.message.bytes; relaying under ${halved} bytes`,
    );
    this.limit = halved;
    return [];
  }

  /** The dead letter that stands for a row that cannot be produced, cut to fit; none when its topic has no `.dlq`. */
  private setAsideRecord(row: OutboxRow, reason: string): KafkaRecord[] {
    let topic: string;
    try {
      topic = deadLetterTopic(row.topic);
    } catch (error) {
      this.logger.error(
        `outbox row ${row.position} for ${row.topic} is dropped: ${reason}, and ${(error as Error).message}`,
      );
      return [];
    }
    const headers: Record<string, string> = {
      ...row.headers,
      [DeadLetterHeaders.reason]: reason,
      [DeadLetterHeaders.originalTopic]: row.topic,
      // Never on Kafka: no partition, and the outbox position in place of an offset.
      [DeadLetterHeaders.originalPartition]: '-1',
      [DeadLetterHeaders.originalOffset]: row.position,
      [DeadLetterHeaders.consumer]: `${this.options.schema}.outbox`,
      [DeadLetterHeaders.attempts]: '0',
      [DeadLetterHeaders.originalTimestamp]: String(Date.now()),
    };
    return [fitDeadLetter({ topic, key: row.key, value: row.value, headers }, this.limit)];
  }

  /** Sleeps `ms`, or less if stop() is called. */
  private async idle(ms: number): Promise<void> {
    if (!this.running) return;
    await Promise.race([sleep(ms), new Promise<void>((resolve) => (this.wake = resolve))]);
    this.wake = undefined;
  }
}

/**
 * The record's timestamp is when its row was written, not when it is sent: the hub's acceptance of the event, which a
 * relay held up (a broker away) does not move past an entitlement granted meanwhile (the gateway's delivery).
 */
function recordOf(row: OutboxRow): KafkaRecord {
  return { topic: row.topic, key: row.key, value: row.value, headers: row.headers, timestamp: row.accepted };
}

function byPosition(a: string, b: string): number {
  return BigInt(a) < BigInt(b) ? -1 : BigInt(a) > BigInt(b) ? 1 : 0;
}
