import { Logger } from '@nestjs/common';
import { Client } from 'pg';
import { HubMetrics } from '@hub/observability';
import { PostgresTimeouts, sessionClient } from '@hub/persistence';
import { HubProducer } from './hub-producer';
import { KafkaRecord } from './kafka-record';
import { sleep } from './sleep';

export interface OutboxRelayOptions {
  databaseUrl: string;
  /** The relay's session's time-outs; absent: @hub/persistence's defaults. */
  databaseTimeouts?: PostgresTimeouts;
  schema: string;
  producer: HubProducer;
  metrics?: HubMetrics;
  batchSize?: number;
  /** Polling interval bounds: the wait after an empty look doubles from `minIdleMs` up to `maxIdleMs`. */
  minIdleMs?: number;
  maxIdleMs?: number;
  /** The wait after a batch smaller than `batchSize`, so that the next one carries more (Kafka's linger.ms). */
  lingerMs?: number;
  /** How often a standby replica tries to become the relay. */
  standbyMs?: number;
}

interface OutboxRow {
  position: string;
  topic: string;
  key: string | null;
  headers: Record<string, string>;
  value: Buffer;
}

/**
 * Publishes the outbox in position order. Exactly one relay per schema is active at a time: it holds a session
 * advisory lock on its own connection, so a second replica waits as a standby and takes over when the first one's
 * connection ends. A row is deleted only after Kafka acknowledged it; a crash in between republishes it, and the
 * consumers' inbox makes that harmless (at-least-once out, exactly-once applied).
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

  constructor(private readonly options: OutboxRelayOptions) {}

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
    const { schema, producer, metrics } = this.options;
    const batchSize = this.options.batchSize ?? 1_000;
    const minIdleMs = this.options.minIdleMs ?? 5;
    let wait = minIdleMs;
    while (this.running) {
      // Named: the session parses and plans each of the relay's statements once.
      const { rows } = await client.query<OutboxRow>({
        name: 'outbox_take',
        text: `SELECT position, topic, key, headers, value FROM "${schema}"."outbox" ORDER BY position LIMIT $1`,
        values: [batchSize],
      });
      if (rows.length === 0) {
        metrics?.outboxBacklog.set({ schema }, 0);
        await this.idle(wait);
        wait = Math.min(wait * 2, this.options.maxIdleMs ?? 500);
        continue;
      }
      wait = minIdleMs;
      const records: KafkaRecord[] = rows.map((r) => ({
        topic: r.topic,
        key: r.key,
        value: r.value,
        headers: r.headers,
      }));
      await producer.send(records);
      await client.query({
        name: 'outbox_delete',
        text: `DELETE FROM "${schema}"."outbox" WHERE position = ANY($1::bigint[])`,
        values: [rows.map((r) => r.position)],
      });
      if (rows.length < batchSize) {
        if (this.options.lingerMs) await this.idle(this.options.lingerMs);
      } else if (metrics) {
        // Counted past the last row relayed, along the primary key: counting the whole table would read every row
        // deleted and not yet vacuumed, which under a backlog is most of it, after every batch.
        const count = await client.query<{ n: string }>({
          name: 'outbox_backlog',
          text: `SELECT count(*) AS n FROM "${schema}"."outbox" WHERE position > $1`,
          values: [rows[rows.length - 1].position],
        });
        metrics.outboxBacklog.set({ schema }, Number(count.rows[0].n));
      }
    }
  }

  /** Sleeps `ms`, or less if stop() is called. */
  private async idle(ms: number): Promise<void> {
    if (!this.running) return;
    await Promise.race([sleep(ms), new Promise<void>((resolve) => (this.wake = resolve))]);
    this.wake = undefined;
  }
}
