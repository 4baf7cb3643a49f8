/**
 * bench/gateway: accepted events/s over HTTP into the gateway, single and batch, each against a baseline in the
 * same run, with the load from a second process on loopback (load-generator.ts, autocannon):
 *   - single: POST /v1/events, one signed ~1 KiB CloudEvent per request, against a bare endpoint of the same
 *     framework that parses the same body (bare-server.ts) — Express, as the gateway runs, and Fastify to compare;
 *   - batch: POST /v1/events:batch of BATCH_SIZE events, against a plain multi-row INSERT of the same events into
 *     PostgreSQL from this process.
 * Also p50/p99 latency and the gateway's peak RSS (VmHWM of its process). Writes bench/results/gateway.json and
 * the README section between the bench:gateway markers.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { Client } from 'pg';
import { demoEnterprises, enterpriseRegisteredEvent } from '@hub/demo';
import { HubClient } from '@hub/sdk';
import { freePort } from '@hub/testing';
import {
  machine,
  percentile,
  processCpuMs,
  processPeakRssMiB,
  round,
  withBenchInfrastructure,
  writeBenchSection,
  writeResult,
} from '../bench-kit';
import type { LoadResult, LoadSpec } from './load-generator';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const DIST = path.join(ROOT, 'dist');
const BATCH_SIZE = 100;
const SINGLE_CONNECTIONS = 16;
const BATCH_CONNECTIONS = 4;
const ENTERPRISES = 10_000;
const ADMIN_KEY = 'bench-admin';
const MIB_IN_MB = 1.048_576;
const ADMIN_SECRET = randomBytes(24).toString('base64url');

interface Phase extends LoadResult {
  peakRssMiB?: number;
  /** CPU (user + system) the server under test spent per event sent, warm-up included: immune to a busy machine. */
  cpuMsPerEvent?: number;
}

export async function runGatewayBench(events: number): Promise<Record<string, unknown>> {
  // One request per event for single, BATCH_SIZE per request for batch; bounded so that a run stays in minutes.
  const singleRequests = Math.min(events, 10_000);
  const batchRequests = Math.max(20, Math.floor(Math.min(events, 100_000) / BATCH_SIZE));
  return withBenchInfrastructure(async ({ brokers, databaseUrl: url, topicPrefix: prefix }) => {
    console.log(
      `gateway: ${singleRequests} single requests, ${batchRequests} batches of ${BATCH_SIZE}, load from a second process`,
    );
    const load = (
      target: string,
      batchSize: number,
      connections: number,
      amount: number,
      credential: Credential,
      server?: number,
    ) =>
      runLoad(server, {
        url: target,
        path: batchSize === 1 ? '/v1/events' : '/v1/events:batch',
        batchSize,
        connections,
        amount,
        warmup: Math.max(connections * 2, Math.floor(amount / 10)),
        enterprises: ENTERPRISES,
        ...credential,
      });
    const anyCredential = { accessKeyId: 'bench-bare', secret: 'bench-bare-secret' };

    // Best of three: the baselines are the ceiling the gateway is held to, so noise must not lower them.
    const bareExpress = await withBareServer('express', (target, pid) =>
      bestOf(3, () => load(target, 1, SINGLE_CONNECTIONS, singleRequests, anyCredential, pid)),
    );
    console.log(
      `  bare Express endpoint    ${bareExpress.eventsPerSecond} events/s, ${bareExpress.cpuMsPerEvent} CPU ms/event`,
    );
    const bareFastify = await withBareServer('fastify', (target, pid) =>
      bestOf(3, () => load(target, 1, SINGLE_CONNECTIONS, singleRequests, anyCredential, pid)),
    );
    console.log(`  bare Fastify endpoint    ${bareFastify.eventsPerSecond} events/s`);
    const insert = await insertBaseline(url, batchRequests, BATCH_CONNECTIONS);
    console.log(`  multi-row INSERT         ${insert.eventsPerSecond} events/s`);

    const gateway = await startGateway({
      KAFKA_BROKERS: brokers.join(','),
      DATABASE_URL: url,
      KAFKA_TOPIC_PREFIX: prefix,
      KAFKA_PARTITIONS: '6',
      LOG_LEVEL: 'warn',
      HUB_ADMIN_ACCESS_KEY_ID: ADMIN_KEY,
      HUB_ADMIN_SECRET: ADMIN_SECRET,
      // The bench measures the door's capacity, not the per-department limit in front of it.
      GATEWAY_RATE_LIMIT: '1000000000',
      GATEWAY_RATE_BURST: '1000000000',
    });
    let single: Phase;
    let batch: Phase;
    let peakRssMiB: number;
    try {
      const credential = await registerSystem(gateway.url);
      single = await load(gateway.url, 1, SINGLE_CONNECTIONS, singleRequests, credential, gateway.child.pid);
      console.log(
        `  gateway single           ${single.eventsPerSecond} events/s, ${single.cpuMsPerEvent} CPU ms/event`,
      );
      batch = await load(gateway.url, BATCH_SIZE, BATCH_CONNECTIONS, batchRequests, credential, gateway.child.pid);
      console.log(`  gateway batch            ${batch.eventsPerSecond} events/s, ${batch.cpuMsPerEvent} CPU ms/event`);
      peakRssMiB = processPeakRssMiB(gateway.child.pid!);
    } finally {
      await stop(gateway.child);
    }
    const singleRatio = round(single.eventsPerSecond / bareExpress.eventsPerSecond, 2);
    const batchRatio = round(batch.eventsPerSecond / insert.eventsPerSecond, 2);
    const result = {
      benchmark: 'gateway',
      at: new Date().toISOString(),
      machine: machine(),
      eventBytes: Buffer.byteLength(JSON.stringify(enterpriseRegisteredEvent(demoEnterprises(1)[0]!, 'bench-size'))),
      batchSize: BATCH_SIZE,
      connections: { single: SINGLE_CONNECTIONS, batch: BATCH_CONNECTIONS },
      single: { gateway: single, baseline: bareExpress, ratio: singleRatio, target: '>= 0.4' },
      batch: { gateway: batch, baseline: insert, ratio: batchRatio, target: '>= 0.5' },
      gatewayPeakRssMiB: peakRssMiB,
      // The budget is 300 MB (10^6 bytes): 286.1 MiB.
      gatewayPeakRssMB: round(peakRssMiB * MIB_IN_MB),
      rssTarget: '<= 300 MB',
      platforms: platformVerdict(bareExpress, bareFastify, single),
    };
    console.log(JSON.stringify({ singleRatio, batchRatio, peakRssMiB, peakRssMB: result.gatewayPeakRssMB }, null, 2));
    console.log(`  written to ${writeResult('gateway', result)}`);
    writeBenchSection('gateway', readmeSection(result));
    return result;
  });
}

interface Credential {
  accessKeyId: string;
  secret: string;
}

/** A system of 审批局 registered through the admin API, as an operator would, with its first credential. */
async function registerSystem(gatewayUrl: string): Promise<Credential> {
  const admin = new HubClient({ url: gatewayUrl, accessKeyId: ADMIN_KEY, secret: ADMIN_SECRET });
  const answer = await admin.request<{ credential: Credential }>('POST', '/v1/admin/systems', {
    // The demo events come from /departments/SPJ/systems/registration: a source must name the sending system.
    body: { department: 'SPJ', name: 'registration' },
  });
  return { accessKeyId: answer.credential.accessKeyId, secret: answer.credential.secret };
}

async function bestOf(runs: number, measure: () => Promise<Phase>): Promise<Phase> {
  let best: Phase | undefined;
  for (let i = 0; i < runs; i++) {
    const result = await measure();
    if (!best || result.eventsPerSecond > best.eventsPerSecond) best = result;
  }
  return best!;
}

async function runLoad(server: number | undefined, spec: LoadSpec): Promise<Phase> {
  const cpuBefore = server === undefined ? 0 : processCpuMs(server);
  const output = await runNode(path.join(DIST, 'bench', 'gateway', 'load-generator.js'), [], {
    BENCH_LOAD: JSON.stringify(spec),
  });
  const result = JSON.parse(output.trim().split('\n').pop() ?? '') as LoadResult;
  const refused = Object.entries(result.statusCodes).filter(([code]) => code !== '202');
  if (refused.length > 0 || result.errors > 0) {
    throw new Error(
      `the load was not all accepted: ${JSON.stringify({ statusCodes: result.statusCodes, errors: result.errors })}`,
    );
  }
  if (server === undefined) return result;
  const events = (spec.amount + spec.warmup) * spec.batchSize;
  return { ...result, cpuMsPerEvent: round((processCpuMs(server) - cpuBefore) / events, 3) };
}

async function withBareServer(
  platform: 'express' | 'fastify',
  measure: (url: string, pid: number) => Promise<Phase>,
): Promise<Phase> {
  const child = spawnNode(path.join(DIST, 'bench', 'gateway', 'bare-server.js'), [platform], {});
  try {
    const port = await new Promise<number>((resolve, reject) => {
      let out = '';
      child.stdout!.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const match = /listening (\d+)/.exec(out);
        if (match) resolve(Number(match[1]));
      });
      child.once('exit', (code) => reject(new Error(`bare ${platform} server exited with ${code}`)));
    });
    const result = await measure(`http://127.0.0.1:${port}`, child.pid!);
    return { ...result, peakRssMiB: processPeakRssMiB(child.pid!) };
  } finally {
    await stop(child);
  }
}

/**
 * The batch baseline: the same events, BATCH_SIZE to a statement, inserted with plain multi-row INSERTs by
 * `connections` clients at once — what the database alone takes, with no HTTP, signing, validation or outbox.
 */
async function insertBaseline(url: string, statements: number, connections: number): Promise<Phase> {
  const enterprises = demoEnterprises(ENTERPRISES, 500_000);
  const run = randomBytes(4).toString('hex');
  const events = Array.from({ length: statements * BATCH_SIZE }, (_, i) =>
    enterpriseRegisteredEvent(enterprises[i % ENTERPRISES]!, `insert-${run}-${i}`),
  );
  const setup = new Client({ connectionString: url });
  await setup.connect();
  await setup.query(`CREATE TABLE bench_event (source text NOT NULL, id text NOT NULL, type text NOT NULL, subject text,
    time timestamptz, event jsonb NOT NULL, accepted_at timestamptz NOT NULL DEFAULT now(), PRIMARY KEY (source, id))`);
  await setup.end();
  const clients = await Promise.all(
    Array.from({ length: connections }, async () => {
      const client = new Client({ connectionString: url });
      await client.connect();
      return client;
    }),
  );
  const columns = 6;
  const sql = `INSERT INTO bench_event (source, id, type, subject, time, event) VALUES ${Array.from(
    { length: BATCH_SIZE },
    (_, r) => `(${Array.from({ length: columns }, (_, c) => `$${r * columns + c + 1}`).join(', ')})`,
  ).join(', ')}`;
  const latencies: number[] = [];
  let nextStatement = 0;
  const started = performance.now();
  await Promise.all(
    clients.map(async (client) => {
      for (let s = nextStatement++; s < statements; s = nextStatement++) {
        const slice = events.slice(s * BATCH_SIZE, (s + 1) * BATCH_SIZE);
        const params = slice.flatMap((e) => [
          e.source,
          e.id,
          e.type,
          e.subject ?? null,
          e.time ?? null,
          JSON.stringify(e),
        ]);
        const at = performance.now();
        await client.query(sql, params);
        latencies.push(performance.now() - at);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  await Promise.all(clients.map((c) => c.end()));
  latencies.sort((a, b) => a - b);
  return {
    requests: statements,
    acceptedEvents: events.length,
    seconds: round(seconds, 3),
    eventsPerSecond: Math.round(events.length / seconds),
    requestsPerSecond: Math.round(statements / seconds),
    latencyMs: {
      p50: round(percentile(latencies, 50)),
      p99: round(percentile(latencies, 99)),
      max: round(latencies[latencies.length - 1] ?? NaN),
    },
    statusCodes: {},
    errors: 0,
    timeouts: 0,
  };
}

async function startGateway(env: Record<string, string>): Promise<{ url: string; child: ChildProcess }> {
  // A port the system has just handed out free, not a random guess (one collided with another process's).
  const port = await freePort();
  // BENCH_PROFILE=<dir> writes the gateway's V8 CPU profile there (open it in Chrome DevTools) to see where time goes.
  const profile = process.env.BENCH_PROFILE
    ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(process.env.BENCH_PROFILE)}`]
    : [];
  const child = spawnNode(
    path.join(DIST, 'apps', 'gateway', 'src', 'main.js'),
    [],
    { ...env, PORT: String(port) },
    profile,
  );
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-10_000)));
  child.stderr!.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-10_000)));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the gateway exited with ${child.exitCode}:\n${output}`);
    if (Date.now() > deadline) {
      await stop(child);
      throw new Error(`the gateway was not ready in 120 s:\n${output}`);
    }
    try {
      if ((await fetch(`${url}/health/ready`)).status === 200) return { url, child };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

function spawnNode(script: string, args: string[], env: Record<string, string>, nodeArgs: string[] = []): ChildProcess {
  return spawn(process.execPath, [...nodeArgs, '-r', 'tsconfig-paths/register', script, ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env, TS_NODE_BASEURL: DIST },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

function runNode(script: string, args: string[], env: Record<string, string>): Promise<string> {
  const child = spawnNode(script, args, env);
  let out = '';
  let err = '';
  child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (err = (err + chunk.toString()).slice(-10_000)));
  return new Promise((resolve, reject) =>
    child.once('exit', (code) =>
      code === 0 ? resolve(out) : reject(new Error(`${path.basename(script)} exited with ${code}:\n${err}`)),
    ),
  );
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const killer = setTimeout(() => child.kill('SIGKILL'), 20_000);
  await exited;
  clearTimeout(killer);
}

type Result = Awaited<ReturnType<typeof runGatewayBench>> & Record<string, unknown>;

function readmeSection(result: Result): string {
  const r = result as unknown as {
    at: string;
    machine: { cpus: number; cpuModel: string; node: string };
    eventBytes: number;
    batchSize: number;
    single: { gateway: Phase; baseline: Phase; ratio: number };
    batch: { gateway: Phase; baseline: Phase; ratio: number };
    gatewayPeakRssMiB: number;
    gatewayPeakRssMB: number;
    platforms: ReturnType<typeof platformVerdict>;
  };
  const row = (what: string, p: Phase): string[] => [
    what,
    String(p.eventsPerSecond),
    String(p.latencyMs.p50),
    String(p.latencyMs.p99),
    p.cpuMsPerEvent === undefined ? '' : String(p.cpuMsPerEvent),
  ];
  const p = r.platforms;
  return [
    `\`npm run bench -- gateway\` on ${r.machine.cpus} cores (${r.machine.cpuModel}), Node ${r.machine.node}, ${r.at.slice(0, 10)}:`,
    `~${r.eventBytes}-byte signed CloudEvents, every one new, sent from a second process on loopback (autocannon).`,
    'CPU ms/event is what the server process itself spent (user + system), warm-up included.',
    '',
    markdownTable([
      ['phase', 'events/s', 'p50 ms', 'p99 ms', 'CPU ms/event'],
      row('gateway, `POST /v1/events` (one event per request)', r.single.gateway),
      row('baseline: bare Express endpoint parsing the same body', r.single.baseline),
      row(`gateway, \`POST /v1/events:batch\` (${r.batchSize} per request)`, r.batch.gateway),
      row(`baseline: multi-row INSERT of the same events (${r.batchSize} per statement)`, r.batch.baseline),
    ]),
    '',
    `Single: **${r.single.ratio}×** the bare endpoint (target ≥ 0.4${met(r.single.ratio >= 0.4)}). Batch: **${r.batch.ratio}×** the plain INSERT (target ≥ 0.5${met(r.batch.ratio >= 0.5)}).`,
    `Gateway peak RSS: **${r.gatewayPeakRssMB} MB** (${r.gatewayPeakRssMiB} MiB; target ≤ 300 MB${met(r.gatewayPeakRssMB <= 300)}).`,
    '',
    `Express or Fastify: the bare endpoint takes ${p.fastify.eventsPerSecond} events/s on Fastify, ${p.express.eventsPerSecond} on`,
    `Express (${p.fastifyOverExpress}×), i.e. ${p.msPerRequest.fastify} vs ${p.msPerRequest.express} ms per request; the gateway takes`,
    `${p.msPerRequest.gatewaySingle} ms per single publish, so Fastify would save at most ${p.gatewayGainAtMostPercent} % of it: ${p.pick}.`,
  ].join('\n');
}

function met(yes: boolean): string {
  return yes ? ': met' : ': not met';
}

/** A Markdown table laid out as Prettier lays it out (padded cells), so that `npm run lint` accepts the README. */
export function markdownTable(rows: string[][]): string {
  const widths = rows[0]!.map((_, c) => Math.max(3, ...rows.map((row) => row[c]!.length)));
  const line = (cells: string[]): string => `| ${cells.map((cell, c) => cell.padEnd(widths[c]!)).join(' | ')} |`;
  return [line(rows[0]!), line(widths.map((w) => '-'.repeat(w))), ...rows.slice(1).map(line)].join('\n');
}

/**
 * Whether Fastify is worth a switch: the framework's own cost per request (from the bare endpoints, each at the
 * same concurrency as the gateway's single phase) against what the gateway spends per request.
 */
function platformVerdict(express: Phase, fastify: Phase, gatewaySingle: Phase) {
  const ms = (p: Phase): number => 1000 / p.eventsPerSecond;
  const saved = ms(express) - ms(fastify);
  const gainPercent = round((100 * saved) / ms(gatewaySingle), 1);
  return {
    express,
    fastify,
    fastifyOverExpress: round(fastify.eventsPerSecond / express.eventsPerSecond, 2),
    msPerRequest: {
      express: round(ms(express), 3),
      fastify: round(ms(fastify), 3),
      gatewaySingle: round(ms(gatewaySingle), 3),
    },
    gatewayGainAtMostPercent: gainPercent,
    // The port has a price (the intake, guards and problem filter are written against Express); below a fifth of
    // the gateway's time the gain would not close the gap to the targets, which lies in its own work.
    pick:
      gainPercent < 20
        ? 'stay on Express until the gateway’s own work per event comes near the framework’s'
        : 'Fastify is worth the port',
  };
}
