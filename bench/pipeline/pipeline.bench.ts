/**
 * bench/pipeline: N enterprise events (~1 KiB CloudEvents, keys spread over 10 000 enterprises) through the hub's
 * outbox → Kafka → validating, idempotent consumer → PostgreSQL projection, against a raw baseline in the same
 * run: a plain kafkajs producer → a plain kafkajs consumer → a multi-row INSERT of the same rows.
 */
import { randomUUID } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import { Client } from 'pg';
import {
  CloudEvent,
  EnterpriseRegisteredV1,
  EnterpriseRegisteredV1Payload,
  toKafkaMessage,
  type KafkaGrant,
} from '@hub/contracts';
import { HubEnv, loadEnv } from '@hub/config';
import { demoEnterprises, enterpriseRegisteredEvent } from '@hub/demo';
import { Enterprise, EnterpriseDirectory1764230500000, EnterpriseDirectoryModule } from '@hub/directory';
import { OutboxWriter, ensureTopics } from '@hub/messaging';
import { JsonLogger } from '@hub/observability';
import { infraKafkaSasl } from '@hub/infra';
import { HubAppDefinition, startHubApp } from '@hub/platform';
import { machine, percentile, round, rssSampler, withBenchInfrastructure, writeResult } from '../bench-kit';

const ENTERPRISES = 10_000;
const WRITE_BATCH = 500;
const PARTITIONS = 6;

export interface Phase {
  eventsPerSecond: number;
  seconds: number;
  latencyMs: { p50: number; p99: number };
  peakRssMiB: number;
  stagesDoneSeconds?: Record<string, number>;
}

/** Also the linkage bench's baseline input. ~1 KiB events: the address is padded to a realistic long 住所 so that the encoded message is about 1 KiB. */
export function benchEvents(count: number): CloudEvent<EnterpriseRegisteredV1Payload>[] {
  const enterprises = demoEnterprises(ENTERPRISES);
  const padding = '高新技术产业开发区创新大道科技孵化园区'.repeat(12);
  return Array.from({ length: count }, (_, i) => {
    const e = enterprises[i % ENTERPRISES];
    return enterpriseRegisteredEvent({ ...e, address: `${e.address}${padding}`.slice(0, 300) }, randomUUID());
  });
}

export async function rawBaseline(
  brokers: string[],
  url: string,
  events: CloudEvent<EnterpriseRegisteredV1Payload>[],
  prefix: string,
): Promise<Phase> {
  const topic = `${prefix}raw`;
  const kafka = new Kafka({ clientId: 'bench-raw', brokers, sasl: infraKafkaSasl(), logLevel: logLevel.WARN });
  const admin = kafka.admin();
  await admin.connect();
  // A broker that has just started may not host a new topic's partitions yet (a retriable answer): ask again.
  for (let attempt = 1; ; attempt++) {
    try {
      await admin.createTopics({ waitForLeaders: true, topics: [{ topic, numPartitions: PARTITIONS }] });
      break;
    } catch (error) {
      if (attempt >= 5 || (error as { retriable?: boolean }).retriable !== true) throw error;
      await new Promise((resolve) => setTimeout(resolve, 500 * attempt));
    }
  }
  await admin.disconnect();
  const db = new Client({ connectionString: url });
  await db.connect();
  await db.query(`CREATE TABLE raw_enterprise (uscc char(18), name text, legal_representative text, address text,
    industry_code text, established_on date, registered_capital_yuan bigint, event_id text, sent_at timestamptz,
    applied_at timestamptz DEFAULT clock_timestamp())`);

  const rss = rssSampler();
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  const consumer = kafka.consumer({ groupId: `${prefix}raw` });
  await Promise.all([producer.connect(), consumer.connect()]);
  await consumer.subscribe({ topic, fromBeginning: true });
  let applied = 0;
  const done = new Promise<void>((resolve) => {
    void consumer.run({
      eachBatch: async ({ batch }) => {
        const rows = batch.messages.map((m) => {
          const e = JSON.parse(m.value!.toString()) as EnterpriseRegisteredV1Payload;
          return [
            e.uscc,
            e.name,
            e.legalRepresentative,
            e.address,
            e.industryCode,
            e.establishedOn,
            e.registeredCapitalYuan ?? null,
            String(m.headers!.ce_id),
            new Date(Number(m.timestamp)),
          ];
        });
        await db.query(
          `INSERT INTO raw_enterprise (uscc, name, legal_representative, address, industry_code, established_on,
             registered_capital_yuan, event_id, sent_at)
           SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::date[], $7::bigint[], $8::text[], $9::timestamptz[])`,
          columns(rows, 9),
        );
        applied += rows.length;
        if (applied >= events.length) resolve();
      },
    });
  });
  const started = Date.now();
  for (let i = 0; i < events.length; i += WRITE_BATCH) {
    await producer.send({
      topic,
      acks: -1,
      messages: events.slice(i, i + WRITE_BATCH).map((e) => toKafkaMessage(e, 'binary')),
    });
  }
  await done;
  const seconds = (Date.now() - started) / 1000;
  const peakRssMiB = rss.stop();
  const { rows } = await db.query<{ ms: number }>(
    `SELECT extract(epoch FROM applied_at - sent_at) * 1000 AS ms FROM raw_enterprise ORDER BY 1`,
  );
  await Promise.all([producer.disconnect(), consumer.disconnect()]);
  await db.end();
  const latencies = rows.map((r) => Number(r.ms));
  return {
    eventsPerSecond: Math.round(events.length / seconds),
    seconds: round(seconds, 2),
    latencyMs: { p50: round(percentile(latencies, 50)), p99: round(percentile(latencies, 99)) },
    peakRssMiB,
  };
}

const directoryApp: HubAppDefinition = {
  name: 'registry',
  modules: [EnterpriseDirectoryModule],
  entities: [Enterprise],
  migrations: [EnterpriseDirectory1764230500000],
};

async function hubPipeline(env: HubEnv, events: CloudEvent<EnterpriseRegisteredV1Payload>[]): Promise<Phase> {
  const rss = rssSampler();
  const hub = await startHubApp(directoryApp, env, { logger: new JsonLogger('bench', 'warn') });
  const db = new Client({ connectionString: env.DATABASE_URL });
  await db.connect();
  try {
    // Wait until the consumer holds its partitions, so the clock measures the pipeline, not the group join.
    while (!hub.server.isJoined) await new Promise((resolve) => setTimeout(resolve, 100));
    const committedAt = new Map<string, number>();
    const outbox = hub.app.get(OutboxWriter);
    const started = Date.now();
    for (let i = 0; i < events.length; i += WRITE_BATCH) {
      const slice = events.slice(i, i + WRITE_BATCH);
      await hub.dataSource.transaction((manager) => outbox.enqueue(manager, slice));
      const now = Date.now();
      for (const e of slice) committedAt.set(e.id, now);
    }
    const writtenAt = Date.now();
    let relayedAt: number | undefined;
    for (;;) {
      const { rows } = await db.query<{ applied: number; waiting: number }>(
        `SELECT (SELECT count(*)::int FROM registry.inbox) AS applied, (SELECT count(*)::int FROM registry.outbox) AS waiting`,
      );
      if (relayedAt === undefined && rows[0].waiting === 0) relayedAt = Date.now();
      if (rows[0].applied >= events.length) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const seconds = (Date.now() - started) / 1000;
    const { rows } = await db.query<{ event_id: string; at: string }>(
      `SELECT event_id, extract(epoch FROM applied_at) * 1000 AS at FROM registry.inbox`,
    );
    const latencies = rows.map((r) => Number(r.at) - committedAt.get(r.event_id)!).sort((a, b) => a - b);
    return {
      eventsPerSecond: Math.round(events.length / seconds),
      seconds: round(seconds, 2),
      latencyMs: { p50: round(percentile(latencies, 50)), p99: round(percentile(latencies, 99)) },
      peakRssMiB: rss.stop(),
      // When each stage finished, from the first write: where the time goes.
      stagesDoneSeconds: {
        outboxWritten: round((writtenAt - started) / 1000, 2),
        relayed: round(((relayedAt ?? Date.now()) - started) / 1000, 2),
        applied: round(seconds, 2),
      },
    };
  } finally {
    await db.end();
    await hub.close();
  }
}

function columns(rows: unknown[][], width: number): unknown[][] {
  return Array.from({ length: width }, (_, c) => rows.map((r) => r[c]));
}

export async function runPipelineBench(count: number): Promise<Record<string, unknown>> {
  return withBenchInfrastructure(async ({ brokers, databaseUrl: url, topicPrefix: prefix }) => {
    const events = benchEvents(count);
    const sample = toKafkaMessage(events[0], 'binary');
    const messageBytes =
      (sample.value?.length ?? 0) +
      Object.entries(sample.headers).reduce((n, [k, v]) => n + k.length + Buffer.byteLength(v), 0);
    console.log(`pipeline: ${count} events of ~${messageBytes} bytes over ${ENTERPRISES} enterprises`);

    const baseline = await rawBaseline(brokers, url, events, prefix);
    console.log(`  raw baseline   ${baseline.eventsPerSecond} events/s`);
    const env = loadEnv(HubEnv, {
      KAFKA_BROKERS: brokers.join(','),
      DATABASE_URL: url,
      PORT: '0',
      KAFKA_TOPIC_PREFIX: prefix,
      KAFKA_PARTITIONS: String(PARTITIONS),
      LOG_LEVEL: 'warn',
      KAFKA_CREDENTIALS_FILE: process.env.KAFKA_CREDENTIALS_FILE,
    });
    const kafka = new Kafka({ clientId: 'bench', brokers: brokers, sasl: infraKafkaSasl(), logLevel: logLevel.WARN });
    await ensureTopics(kafka, [`${prefix}${EnterpriseRegisteredV1.topic}`], PARTITIONS);
    const hub = await hubPipeline(env, events);
    console.log(`  hub pipeline   ${hub.eventsPerSecond} events/s`);
    const ratio = round(hub.eventsPerSecond / baseline.eventsPerSecond, 2);
    const result = {
      benchmark: 'pipeline',
      at: new Date().toISOString(),
      machine: machine(),
      events: count,
      enterprises: ENTERPRISES,
      messageBytes,
      partitions: PARTITIONS,
      baseline,
      hub,
      ratio,
      target: '>= 0.5',
    };
    console.log(JSON.stringify({ baseline, hub, ratio }, null, 2));
    console.log(`  written to ${writeResult('pipeline', result)}`);
    return result;
  }, ONE_APP_WRITES_AND_READS);
}

// The pipeline runs the writer (the gateway's part) and the consumer in one app, which signs in as the registry: here
// alone the registry writes the enterprise topic.
const ONE_APP_WRITES_AND_READS: KafkaGrant[] = [
  { role: 'registry', resource: 'topic', name: EnterpriseRegisteredV1.topic, pattern: 'literal', operation: 'write' },
];
