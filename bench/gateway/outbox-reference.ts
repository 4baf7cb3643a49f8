/**
 * The reference pipeline of bench/gateway's batch phase: a plain transactional outbox that keeps the rules
 * for a batch of events — a receipt per event (a duplicate is answered from it), the event committed to an outbox
 * before the answer, and a relay that publishes it to Kafka and deletes it — written as plainly as possible, with
 * none of the gateway's HTTP, signing, validation or CloudEvents encoding. Run on the same machine in the same run,
 * it shows how much of the plain INSERT's rate this way of keeping the rules leaves, before any other work.
 */
import { infraKafkaSasl } from '@hub/infra';
import { Kafka, logLevel } from 'kafkajs';
import { Client } from 'pg';
import type { CloudEvent } from '@hub/contracts';
import { percentile, round } from '../bench-kit';

export interface ReferenceResult {
  /** Events committed to the outbox (answered) per second, with the relay running alongside. */
  eventsPerSecond: number;
  /** Seconds until every event was answered. */
  seconds: number;
  /** Seconds from the last answer until the last event was on Kafka: how far the relay fell behind. */
  relayLagSeconds: number;
  /** Per statement (a batch): what a client waits for its receipts. */
  latencyMs: { p50: number; p99: number; max: number };
}

interface Options {
  databaseUrl: string;
  brokers: string[];
  topic: string;
  batches: readonly (readonly CloudEvent[])[];
  connections: number;
}

const RELAY_BATCH = 1_000;

export async function outboxReference(options: Options): Promise<ReferenceResult> {
  const { databaseUrl, batches, connections } = options;
  await resetTables(databaseUrl);
  const kafka = new Kafka({
    clientId: 'bench-outbox-reference',
    brokers: options.brokers,
    sasl: infraKafkaSasl(),
    logLevel: logLevel.WARN,
  });
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ topics: [{ topic: options.topic, numPartitions: 6 }], waitForLeaders: true });
  await admin.disconnect();
  const producer = kafka.producer({ idempotent: true });
  await producer.connect();
  const clients = await Promise.all(Array.from({ length: connections + 1 }, () => connected(databaseUrl)));
  const relayClient = clients.pop()!;
  try {
    const total = batches.reduce((n, batch) => n + batch.length, 0);
    const latencies: number[] = [];
    let writersDone = false;
    const started = performance.now();
    const relayed = relay(relayClient, producer, options.topic, () => writersDone);
    let next = 0;
    await Promise.all(
      clients.map(async (client) => {
        for (let b = next++; b < batches.length; b = next++) {
          const at = performance.now();
          await writeBatch(client, batches[b]!);
          latencies.push(performance.now() - at);
        }
      }),
    );
    writersDone = true;
    const answered = performance.now();
    const published = await relayed;
    const drained = performance.now();
    if (published !== total) throw new Error(`the reference relay published ${published} of ${total} events`);
    latencies.sort((a, b) => a - b);
    const seconds = (answered - started) / 1000;
    return {
      eventsPerSecond: Math.round(total / seconds),
      seconds: round(seconds, 3),
      relayLagSeconds: round((drained - answered) / 1000, 3),
      latencyMs: {
        p50: round(percentile(latencies, 50)),
        p99: round(percentile(latencies, 99)),
        max: round(latencies[latencies.length - 1] ?? NaN),
      },
    };
  } finally {
    await Promise.all([...clients, relayClient].map((client) => client.end()));
    await producer.disconnect();
  }
}

async function resetTables(databaseUrl: string): Promise<void> {
  const setup = await connected(databaseUrl);
  try {
    await setup.query('DROP TABLE IF EXISTS bench_receipt, bench_outbox');
    await setup.query(`CREATE TABLE bench_receipt (source text NOT NULL, id text NOT NULL,
      hub_id uuid NOT NULL DEFAULT gen_random_uuid(), accepted_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (source, id))`);
    await setup.query(`CREATE TABLE bench_outbox (position bigserial PRIMARY KEY, key text, value bytea NOT NULL)`);
  } finally {
    await setup.end();
  }
}

async function connected(databaseUrl: string): Promise<Client> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  return client;
}

/** One statement per batch: the new events' receipts and outbox rows; a duplicate gets neither. */
async function writeBatch(client: Client, batch: readonly CloudEvent[]): Promise<void> {
  await client.query(
    `WITH input AS (SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::bytea[]) AS i(source, id, key, value)),
     receipt AS (INSERT INTO bench_receipt (source, id) SELECT source, id FROM input ON CONFLICT DO NOTHING
       RETURNING source, id, hub_id, accepted_at),
     queued AS (INSERT INTO bench_outbox (key, value) SELECT i.key, i.value FROM input i JOIN receipt USING (source, id))
     SELECT hub_id, accepted_at FROM receipt`,
    [
      batch.map((e) => e.source),
      batch.map((e) => e.id),
      batch.map((e) => e.subject ?? null),
      batch.map((e) => Buffer.from(JSON.stringify(e))),
    ],
  );
}

/** Takes the oldest rows, publishes them, deletes them; until the writers are done and the outbox is empty. */
async function relay(
  client: Client,
  producer: ReturnType<Kafka['producer']>,
  topic: string,
  writersDone: () => boolean,
): Promise<number> {
  await client.query('SET synchronous_commit = off');
  let published = 0;
  for (;;) {
    const done = writersDone();
    const { rows } = await client.query<{ position: string; key: string | null; value: Buffer }>(
      'SELECT position, key, value FROM bench_outbox ORDER BY position LIMIT $1',
      [RELAY_BATCH],
    );
    if (rows.length === 0) {
      if (done) return published;
      await new Promise((resolve) => setTimeout(resolve, 5));
      continue;
    }
    await producer.send({ topic, messages: rows.map((r) => ({ key: r.key, value: r.value })) });
    await client.query('DELETE FROM bench_outbox WHERE position = ANY($1::bigint[])', [rows.map((r) => r.position)]);
    published += rows.length;
  }
}
