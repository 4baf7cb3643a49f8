import { execFile, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Kafka, logLevel } from 'kafkajs';
import { HubPaths, hubPaths } from './hub-paths';
import { readInfraEnv } from './infra-env';
import { newClusterId, renderServerProperties } from './kafka-config';
import { ADMIN_ROLE, KafkaCredentials, saslOf } from './kafka-credentials';
import {
  CONTROLLER_ROLE,
  ensureLocalKafkaCredentials,
  infraKafkaSasl,
  kafkaCredentialsFile,
  recordStoredPrincipals,
  storedPrincipals,
} from './kafka-principals';
import { commandLine, isAlive, outputOf, readPidFile, sleep, tailOfFile, terminate } from './processes';

export interface KafkaHandle {
  readonly brokers: string[];
  /** True when this call launched the broker; stop() then stops it, otherwise stop() leaves it alone. */
  readonly startedHere: boolean;
  /** Every principal's credentials: the local broker's own, or KAFKA_CREDENTIALS_FILE for an existing cluster. */
  readonly credentialsFile?: string;
  stop(): Promise<void>;
}

type KafkaPaths = HubPaths['kafka'];

const READY_TIMEOUT_MS = 120_000;
const EXTERNAL_READY_TIMEOUT_MS = 30_000;
// A controlled shutdown hands over every partition first; killed before it ends, the broker restarts "unclean".
const STOP_GRACE_MS = 120_000;
// Covers the first start, when Maven downloads the broker's classpath.
const START_LOCK_TIMEOUT_MS = 15 * 60_000;
const LOG_TAIL_LINES = 40;

const run = promisify(execFile);

/** Kafka from KAFKA_BROKERS, else the local single-node broker (reused when it already runs, else started). */
export async function ensureKafka(): Promise<KafkaHandle> {
  const { kafkaBrokers } = readInfraEnv();
  if (kafkaBrokers === undefined) return startLocalKafka();

  const deadline = Date.now() + EXTERNAL_READY_TIMEOUT_MS;
  while (!(await kafkaAnswers(kafkaBrokers))) {
    if (Date.now() > deadline) {
      throw new Error(
        `Kafka at KAFKA_BROKERS=${kafkaBrokers.join(',')} did not answer within ${EXTERNAL_READY_TIMEOUT_MS / 1000} s`,
      );
    }
    await sleep(1_000);
  }
  return reused(kafkaBrokers);
}

/** The local broker on 127.0.0.1:KAFKA_PORT: reused when it answers, else started from .hub/kafka (same data). */
export async function startLocalKafka(): Promise<KafkaHandle> {
  const brokers = localBrokers();
  if (await kafkaAnswers(brokers)) return reused(brokers);

  const paths = hubPaths().kafka;
  return withStartLock(paths, async () => {
    const starting = livePid(paths);
    if (starting !== undefined) {
      // A broker from an earlier start that is still starting (that start may have been interrupted).
      await waitUntilReady(brokers, starting, paths);
      return reused(brokers);
    }
    if (await kafkaAnswers(brokers)) return reused(brokers);

    await ensureClasspath(paths);
    const credentials = ensureLocalKafkaCredentials();
    await formatStorageOnce(paths, credentials);
    const pid = await launch(paths);
    try {
      await addMissingPrincipals(paths, credentials);
      await waitUntilReady(brokers, pid, paths);
    } catch (error) {
      await stopPid(pid, paths);
      throw error;
    }
    // Stops whichever broker runs from .hub/kafka then: a test may have restarted the one launched here.
    return {
      brokers,
      startedHere: true,
      credentialsFile: kafkaCredentialsFile(),
      stop: async () => void (await stopKafka()),
    };
  });
}

/** Stops the local broker for a test that needs Kafka to go away; throws when no such broker runs. */
export async function stopLocalKafka(): Promise<void> {
  if (!(await stopKafka())) {
    throw new Error(`No local Kafka broker is running (no live process in ${hubPaths().kafka.pid})`);
  }
}

/** Stops the broker a previous start launched, found by its pid file; false when none was running. */
export async function stopKafka(): Promise<boolean> {
  const paths = hubPaths().kafka;
  const pid = livePid(paths);
  if (pid === undefined) {
    rmSync(paths.pid, { force: true });
    return false;
  }
  await stopPid(pid, paths);
  return true;
}

/** The broker's latest warnings and errors, this run's and the run's before, for a test that has to explain a failure. */
export function localKafkaWarnings(lines = 30): string {
  const { log, previousLog } = hubPaths().kafka;
  return [previousLog, log]
    .map((file) => {
      const warnings = tailOfFile(file, 5_000, 1 << 20)
        .split('\n')
        .filter((line) => / (WARN|ERROR) /.test(line));
      return `${file}:\n${warnings.slice(-lines).join('\n') || '(none)'}`;
    })
    .join('\n');
}

export interface LocalKafkaStatus {
  readonly brokers: string[];
  /** The broker launched from .hub/kafka, when it is alive. */
  readonly pid?: number;
  readonly answering: boolean;
}

export async function localKafkaStatus(): Promise<LocalKafkaStatus> {
  const brokers = localBrokers();
  return { brokers, pid: livePid(hubPaths().kafka), answering: await kafkaAnswers(brokers) };
}

/** True when a broker answers a cluster description (so it has finished starting). */
export async function kafkaAnswers(brokers: string[]): Promise<boolean> {
  const admin = new Kafka({
    clientId: 'hub-infra-probe',
    brokers,
    sasl: infraKafkaSasl(),
    logLevel: logLevel.NOTHING,
    connectionTimeout: 1_000,
    requestTimeout: 3_000,
    retry: { retries: 0 },
  }).admin();
  try {
    await admin.connect();
    const cluster = await admin.describeCluster();
    return cluster.brokers.length > 0 && cluster.controller !== null;
  } catch {
    return false;
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}

function localBrokers(): string[] {
  return [`127.0.0.1:${readInfraEnv().kafkaPort}`];
}

function reused(brokers: string[]): KafkaHandle {
  return { brokers, startedHere: false, credentialsFile: kafkaCredentialsFile(), stop: async () => undefined };
}

async function ensureClasspath(paths: KafkaPaths): Promise<void> {
  const stamp = createHash('sha256').update(readFileSync(paths.pom)).digest('hex');
  if (readIfExists(paths.libStamp) === stamp && hasKafkaJar(paths.lib)) return;

  // A changed pom must not leave jars of other versions on the classpath.
  rmSync(paths.lib, { recursive: true, force: true });
  const args = [
    '-q',
    '-B',
    '-f',
    paths.pom,
    'dependency:copy-dependencies',
    '-DincludeScope=runtime',
    `-DoutputDirectory=${paths.lib}`,
  ];
  try {
    await run('mvn', args, { cwd: hubPaths().root, maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    throw new Error(`mvn ${args.join(' ')} failed:\n${outputOf(error)}`);
  }
  if (!hasKafkaJar(paths.lib)) throw new Error(`mvn copied no kafka_2.13 jar into ${paths.lib}`);
  writeFileSync(paths.libStamp, stamp);
}

async function formatStorageOnce(paths: KafkaPaths, credentials: KafkaCredentials): Promise<void> {
  const { kafkaPort: port, kafkaMaxMessageBytes: maxMessageBytes } = readInfraEnv();
  mkdirSync(paths.data, { recursive: true });
  const auth = {
    mechanism: credentials.mechanism,
    admin: saslOf(credentials, ADMIN_ROLE),
    controller: saslOf(credentials, CONTROLLER_ROLE),
    plainUsers: scramPrincipals(credentials),
  };
  writeFileSync(
    paths.properties,
    renderServerProperties({ port, controllerPort: port + 1, logDir: paths.data, maxMessageBytes, auth }),
    {
      mode: 0o600,
    },
  );
  if (existsSync(join(paths.data, 'meta.properties'))) return;

  // Every principal's SCRAM credentials go into the first metadata, so the broker authenticates them from its start.
  const principals = scramPrincipals(credentials);
  const scram = principals.flatMap(({ username, password }) => [
    '--add-scram',
    `${credentials.mechanism.toUpperCase()}=[name=${username},password=${password}]`,
  ]);
  const args = [
    ...javaOptions(paths),
    'kafka.tools.StorageTool',
    'format',
    '-t',
    newClusterId(),
    '-c',
    paths.properties,
    ...scram,
  ];
  try {
    await run(java(), args, { cwd: paths.home, maxBuffer: 16 * 1024 * 1024 });
  } catch (error) {
    throw new Error(`Formatting Kafka storage in ${paths.data} failed:\n${redact(outputOf(error), credentials)}`);
  }
  recordStoredPrincipals(
    paths,
    principals.map((p) => p.username),
  );
}

/**
 * Principals the storage lacks — it was formatted before authentication, or before a department was added — get
 * their SCRAM credentials from the administrator, who signs in with PLAIN (known from server.properties, not from
 * the metadata that may lack it).
 */
async function addMissingPrincipals(paths: KafkaPaths, credentials: KafkaCredentials): Promise<void> {
  const stored = new Set(storedPrincipals(paths));
  const missing = scramPrincipals(credentials).filter((p) => !stored.has(p.username));
  if (missing.length === 0) return;
  const admin = saslOf(credentials, ADMIN_ROLE);
  const config = join(paths.home, 'admin-client.properties');
  writeFileSync(
    config,
    [
      'security.protocol=SASL_PLAINTEXT',
      'sasl.mechanism=PLAIN',
      `sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="${admin.username}" password="${admin.password}";`,
    ].join('\n') + '\n',
    { mode: 0o600 },
  );
  for (const { username, password } of missing) {
    // Each gets the start's time-out: a storage formatted before authentication lacks every principal.
    const deadline = Date.now() + READY_TIMEOUT_MS;
    const args = [
      ...javaOptions(paths),
      'kafka.admin.ConfigCommand',
      '--bootstrap-server',
      localBrokers()[0],
      '--command-config',
      config,
      '--alter',
      '--entity-type',
      'users',
      '--entity-name',
      username,
      '--add-config',
      `${credentials.mechanism.toUpperCase()}=[password=${password}]`,
    ];
    // The listener opens a few seconds after the process starts.
    for (;;) {
      try {
        await run(java(), args, { cwd: paths.home, maxBuffer: 16 * 1024 * 1024 });
        break;
      } catch (error) {
        if (Date.now() > deadline) {
          throw new Error(`Adding Kafka principal ${username} failed:\n${redact(outputOf(error), credentials)}`);
        }
        await sleep(1_000);
      }
    }
    stored.add(username);
    recordStoredPrincipals(paths, [...stored]);
  }
}

function scramPrincipals(credentials: KafkaCredentials): Array<{ username: string; password: string }> {
  return Object.entries(credentials.principals)
    .filter(([role]) => role !== CONTROLLER_ROLE)
    .map(([, principal]) => principal);
}

function redact(text: string, credentials: KafkaCredentials): string {
  return Object.values(credentials.principals).reduce((t, p) => t.split(p.password).join('***'), text);
}

/** Starts the broker detached, so it outlives this process and `npm start` and test runs can share it. */
async function launch(paths: KafkaPaths): Promise<number> {
  if (existsSync(paths.log)) renameSync(paths.log, paths.previousLog);
  const log = openSync(paths.log, 'w');
  const child = spawn(java(), ['-Xmx1g', ...javaOptions(paths), 'kafka.Kafka', paths.properties], {
    cwd: paths.home,
    detached: true,
    stdio: ['ignore', log, log],
  });
  closeSync(log);
  const pid = await new Promise<number>((resolve, reject) => {
    child.once('spawn', () => resolve(child.pid ?? -1));
    child.once('error', (error) => reject(new Error(`Cannot run ${java()}: ${error.message}`)));
  });
  child.unref();
  writeFileSync(paths.pid, `${pid}\n`);
  return pid;
}

function javaOptions(paths: KafkaPaths): string[] {
  return ['-cp', join(paths.lib, '*'), `-Dlog4j2.configurationFile=file:${paths.log4j}`];
}

function java(): string {
  const { javaHome } = readInfraEnv();
  return javaHome ? join(javaHome, 'bin', 'java') : 'java';
}

async function waitUntilReady(brokers: string[], pid: number, paths: KafkaPaths): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (;;) {
    if (await kafkaAnswers(brokers)) return;
    if (!isAlive(pid)) {
      throw new Error(
        `Kafka (pid ${pid}) exited while starting; last lines of ${paths.log}:\n${tailOfFile(paths.log, LOG_TAIL_LINES)}`,
      );
    }
    if (Date.now() > deadline) {
      throw new Error(
        `Kafka (pid ${pid}) did not answer on ${brokers.join(',')} within ${READY_TIMEOUT_MS / 1000} s ` +
          `(a broker started before it required authentication does not let the hub sign in: ` +
          `\`npm run infra -- stop\`, then start again); last lines of ${paths.log}:\n${tailOfFile(paths.log, LOG_TAIL_LINES)}`,
      );
    }
    await sleep(500);
  }
}

async function stopPid(pid: number, paths: KafkaPaths): Promise<void> {
  if (isKafkaProcess(pid)) await terminate(pid, STOP_GRACE_MS);
  if (readPidFile(paths.pid) === pid) rmSync(paths.pid, { force: true });
}

/** The pid from the pid file when that process is alive and still a Kafka broker (pids get reused). */
function livePid(paths: KafkaPaths): number | undefined {
  const pid = readPidFile(paths.pid);
  return pid !== undefined && isKafkaProcess(pid) ? pid : undefined;
}

function isKafkaProcess(pid: number): boolean {
  if (!isAlive(pid)) return false;
  const cmd = commandLine(pid);
  return cmd === undefined || cmd.includes('kafka.Kafka');
}

/** Serialises starts across processes (`npm start` and `npm test` may race); a dead holder's lock is taken over. */
async function withStartLock<T>(paths: KafkaPaths, body: () => Promise<T>): Promise<T> {
  mkdirSync(paths.home, { recursive: true });
  const lock = join(paths.home, 'start.lock');
  const deadline = Date.now() + START_LOCK_TIMEOUT_MS;
  for (;;) {
    try {
      writeFileSync(lock, `${process.pid}\n`, { flag: 'wx' });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = readPidFile(lock);
      if (holder === undefined || !isAlive(holder)) {
        rmSync(lock, { force: true });
        continue;
      }
      if (Date.now() > deadline)
        throw new Error(`Timed out waiting for process ${holder} to finish starting Kafka (${lock})`);
      await sleep(250);
    }
  }
  try {
    return await body();
  } finally {
    rmSync(lock, { force: true });
  }
}

function hasKafkaJar(lib: string): boolean {
  return existsSync(lib) && readdirSync(lib).some((file) => /^kafka_2\.13-.*\.jar$/.test(file));
}

function readIfExists(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}
