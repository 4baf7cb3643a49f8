import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import {
  databaseUrl,
  dropDatabase,
  ensureDatabase,
  ensureInfrastructure,
  infraKafkaSasl,
  kafkaCredentials,
  kafkaCredentialsFile,
} from '@hub/infra';
import type { KafkaGrant } from '@hub/contracts';
import { applyKafkaAcls, removeKafkaAcls } from '@hub/platform';

/** Samples the process's resident set size until stopped; returns the peak in MiB. */
export function rssSampler(intervalMs = 50): { stop(): number } {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), intervalMs);
  return {
    stop: () => {
      clearInterval(timer);
      return Math.round(Math.max(peak, process.memoryUsage.rss()) / 2 ** 20);
    },
  };
}

/**
 * The CPU time (user + system) a process has used, in ms (Linux /proc, clock ticks of 10 ms); with `exitedChildren`,
 * also that of its children which have exited and been waited for.
 */
export function processCpuMs(pid: number, exitedChildren = false): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  const own = Number(fields[11]) + Number(fields[12]);
  return (exitedChildren ? own + Number(fields[13]) + Number(fields[14]) : own) * 10;
}

/** The most memory a process has held since it started (Linux VmHWM), in MiB. */
export function processPeakRssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = Number(/^VmHWM:\s+(\d+) kB$/m.exec(status)?.[1]);
  return Math.round(kib / 1024);
}

/**
 * CPU ms by process group (PostgreSQL's processes, the Kafka broker) at one moment; two samples give a run's share.
 * PostgreSQL's sessions that ended in between count too: their time is added to the postmaster's when it reaps them.
 */
export function infrastructureCpuMs(): { postgres: number; kafka: number } {
  const totals = { postgres: 0, kafka: 0 };
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      const group = cmdline.includes('kafka.Kafka')
        ? 'kafka'
        : /(^|\/)postgres(:|\0)/.test(cmdline)
          ? 'postgres'
          : undefined;
      if (group) totals[group] += processCpuMs(Number(entry), true);
    } catch {
      // the process ended while being read
    }
  }
  return totals;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

export function machine(): Record<string, unknown> {
  return {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    platform: `${os.type()} ${os.release()}`,
  };
}

export function writeResult(name: string, result: unknown): string {
  const dir = path.resolve(__dirname, '..', '..', 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}.json`);
  writeFileSync(file, JSON.stringify(result, null, 2) + '\n');
  return file;
}

/**
 * Replaces what stands between `<!-- bench:<name> -->` and `<!-- /bench:<name> -->` in the README with `markdown`.
 */
export function writeBenchSection(
  name: string,
  markdown: string,
  file = path.resolve(__dirname, '..', '..', 'README.md'),
): void {
  const open = `<!-- bench:${name} -->`;
  const close = `<!-- /bench:${name} -->`;
  const text = readFileSync(file, 'utf8');
  const [before, rest] = splitOnce(text, open);
  const [, after] = splitOnce(rest ?? '', close);
  if (rest === undefined || after === undefined) throw new Error(`${file} has no ${open} … ${close} section`);
  writeFileSync(file, `${before}${open}\n\n${markdown}\n${close}${after}`);
}

function splitOnce(text: string, marker: string): [string, string | undefined] {
  const at = text.indexOf(marker);
  return at < 0 ? [text, undefined] : [text.slice(0, at), text.slice(at + marker.length)];
}

export function round(value: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

export interface BenchInfrastructure {
  brokers: string[];
  /** A database of its own, dropped afterwards. */
  databaseUrl: string;
  /** A topic prefix of its own; its topics are deleted afterwards. */
  topicPrefix: string;
}

/**
 * Runs a benchmark on the hub's infrastructure (started if need be) with its own database and topic prefix, and
 * cleans both up whatever happens: left-behind partitions pile up until a local broker runs out of file handles.
 * `extra` grants, beside the hub's own ACLs, what a bench does that no app of the hub does (names under the prefix).
 */
export async function withBenchInfrastructure<T>(
  run: (bench: BenchInfrastructure) => Promise<T>,
  extra: readonly KafkaGrant[] = [],
): Promise<T> {
  const infra = await ensureInfrastructure({ purpose: 'run' });
  const name = `hub_bench_${randomBytes(3).toString('hex')}`;
  const adminUrl = databaseUrl(infra.databaseUrl, 'postgres');
  const topicPrefix = `bench-${randomBytes(3).toString('hex')}.`;
  await ensureDatabase(adminUrl, name);
  // The apps the bench starts sign in as themselves, under the hub's ACLs for the bench's topics.
  const credentialsFile = kafkaCredentialsFile();
  if (credentialsFile !== undefined) process.env.KAFKA_CREDENTIALS_FILE = credentialsFile;
  const credentials = kafkaCredentials();
  const acls = credentials ? await applyKafkaAcls(infra.brokers, credentials, topicPrefix, extra) : [];
  try {
    return await run({ brokers: infra.brokers, databaseUrl: databaseUrl(infra.databaseUrl, name), topicPrefix });
  } finally {
    await deleteTopics(infra.brokers, topicPrefix).catch((error: unknown) => console.error(error));
    if (credentials && acls.length > 0) await removeKafkaAcls(infra.brokers, credentials, acls);
    await dropDatabase(adminUrl, name);
    await infra.stop();
  }
}

async function deleteTopics(brokers: string[], prefix: string): Promise<void> {
  const admin = new Kafka({
    clientId: 'bench-clean',
    brokers,
    sasl: infraKafkaSasl(),
    logLevel: logLevel.WARN,
  }).admin();
  await admin.connect();
  try {
    const topics = (await admin.listTopics()).filter((t) => t.startsWith(prefix));
    if (topics.length > 0) await admin.deleteTopics({ topics });
  } finally {
    await admin.disconnect();
  }
}
