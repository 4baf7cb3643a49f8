#!/usr/bin/env node
/**
 * `hub`: the hub's command line for department systems and their people, signing every request with
 * HUB-HMAC-SHA256 (shared/spec/HTTP-SIGNING.md) through @hub/sdk.
 *   hub publish [FILE|-] [--binary]        one event, or a batch when the JSON is an array
 *   hub subscribe --types T1,T2 (--webhook URL | --egress)
 *   hub subscribe --dead-letters (--webhook URL | --egress)   the department's own events' dead letters, as stored
 *   hub tail --egress [--from-beginning]   follow the department's egress topic on Kafka
 *   hub tail --deliveries SUBSCRIPTION_ID  poll a subscription's deliveries
 *   hub types [TYPE]                       the event catalogue
 *   hub me                                 who the hub thinks these credentials are
 *   hub status EVENT_ID [--source S]       what became of one of the department's events
 *   hub dead-letters [--since T]           the department's events' dead letters
 *   hub verify-draw RECORD.json|URL        recomputes an SSGK-DRAW-1 draw record (no credentials needed)
 * Credentials: --key/--secret, else HUB_ACCESS_KEY_ID/HUB_SECRET, else the demo credentials file that `npm start`
 * writes (.hub/demo-credentials.json, or --credentials FILE / HUB_CREDENTIALS_FILE), picked by --department.
 */
import './hub-cli-paths';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Kafka, logLevel } from 'kafkajs';
import { departmentRole, egressTopic, fromKafkaMessage } from '@hub/contracts';
import { infraKafkaSasl } from '@hub/infra';
import { VERIFY_DRAW_DEFAULTS, verifyDrawCommand } from './verify-draw';
import {
  CloudEventInput,
  DEAD_LETTER_NOTICE_TYPE,
  HubClient,
  HubConnectionError,
  HubError,
  SubscriptionInput,
} from '@hub/sdk';
import { verifyLedgerCommand } from './hub-verify-ledger';

const USAGE = `usage:
  hub publish [FILE|-] [--binary]                     publish one event (a JSON array: a batch) from a file or stdin
  hub subscribe --types T1,T2 --webhook URL           signed deliveries to URL
  hub subscribe --types T1,T2 --egress                 deliver to the department's egress topic
  hub subscribe --dead-letters (--webhook URL|--egress) a notice of each dead letter of the department's own events
  hub subscribe --body FILE                            send a subscription as written
  hub tail --egress [--from-beginning] [--brokers H:P] follow the department's egress topic
  hub tail --deliveries SUBSCRIPTION_ID [--status S]   poll a subscription's deliveries
  hub types [TYPE]                                     the event catalogue
  hub me                                               check the credentials
  hub status EVENT_ID [--source S]                     what became of an event: relayed, consumers, dead letters
  hub dead-letters [--since RFC3339]                   the department's events' dead letters, oldest first
  hub call METHOD PATH [--body FILE|-]                 any API through the gateway, e.g. call GET /v1/supervision/ledgers/SCJG
  hub verify-draw RECORD.json|URL [--timeout S] [--max-bytes N]  recompute a draw record: exit 0 if every check holds,
                                                       1 naming the first that fails, 3 if it cannot be read
  hub verify-ledger [--from N --to N | --file EXPORT]  recompute the event ledger against its signed checkpoints
options: --url URL (HUB_URL, default http://127.0.0.1:3000), --key ID (HUB_ACCESS_KEY_ID), --secret S (HUB_SECRET),
  --credentials FILE (HUB_CREDENTIALS_FILE, default .hub/demo-credentials.json), --department CODE (HUB_DEPARTMENT),
  --count N (tail: stop after N), --timeout SECONDS (tail: stop after), --interval SECONDS (deliveries poll, default 2)`;

const OPTIONS = {
  url: { type: 'string' },
  key: { type: 'string' },
  secret: { type: 'string' },
  credentials: { type: 'string' },
  department: { type: 'string' },
  binary: { type: 'boolean' },
  types: { type: 'string' },
  webhook: { type: 'string' },
  egress: { type: 'boolean' },
  'dead-letters': { type: 'boolean' },
  body: { type: 'string' },
  deliveries: { type: 'string' },
  status: { type: 'string' },
  'from-beginning': { type: 'boolean' },
  brokers: { type: 'string' },
  source: { type: 'string' },
  since: { type: 'string' },
  'topic-prefix': { type: 'string' },
  count: { type: 'string' },
  timeout: { type: 'string' },
  interval: { type: 'string' },
  'max-bytes': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

type Flags = ReturnType<typeof parse>['values'];

/** A usage mistake: printed with the usage, exit code 2. */
class UsageError extends Error {}

function parse(argv: string[]) {
  return parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
}

interface Credential {
  accessKeyId: string;
  secret: string;
  department?: string;
  /** The `source` of the system's events, as the demo credentials file gives it. */
  source?: string;
  admin?: boolean;
}

/** What the command is about to send, to pick the matching system from the demo credentials file. */
interface CredentialHint {
  source?: string;
  department?: string;
}

/**
 * Flags, then the environment, then the demo credentials file that `npm start` writes: the credential of --key, else
 * of --department, else of the system whose `source` (or department) the event names, else the first department
 * system (the hub admin's only when asked for by key or by its department).
 */
export function resolveCredential(
  flags: Flags,
  env: NodeJS.ProcessEnv,
  cwd: string,
  hint: CredentialHint = {},
): Credential & { url: string } {
  const url = flags.url ?? env.HUB_URL ?? 'http://127.0.0.1:3000';
  const department = flags.department ?? env.HUB_DEPARTMENT;
  const accessKeyId = flags.key ?? env.HUB_ACCESS_KEY_ID;
  const secret = flags.secret ?? env.HUB_SECRET;
  if (accessKeyId && secret) return { url, accessKeyId, secret, department };
  const file = demoCredentials(flags, env, cwd);
  if (!file) {
    throw new UsageError(
      'no credentials: pass --key and --secret, set HUB_ACCESS_KEY_ID and HUB_SECRET, or run `npm start` to write the demo credentials file',
    );
  }
  const systems = file.credentials.filter((c) => !c.admin);
  const found = accessKeyId
    ? file.credentials.find((c) => c.accessKeyId === accessKeyId)
    : department
      ? (systems.find((c) => c.department === department) ?? file.credentials.find((c) => c.department === department))
      : (systems.find((c) => hint.source !== undefined && c.source === hint.source) ??
        systems.find((c) => hint.department !== undefined && c.department === hint.department) ??
        systems[0]);
  if (!found) {
    throw new UsageError(`no credential in ${file.path} for ${accessKeyId ?? `department ${department ?? '?'}`}`);
  }
  return { url, ...found };
}

/** The demo credentials file: `{ credentials: [{ department, system, source, accessKeyId, secret, admin }] }`. */
function demoCredentials(
  flags: Flags,
  env: NodeJS.ProcessEnv,
  cwd: string,
): { path: string; credentials: Credential[] } | undefined {
  const named = flags.credentials ?? env.HUB_CREDENTIALS_FILE;
  const file = path.resolve(cwd, named ?? path.join(repositoryRoot(cwd), '.hub', 'demo-credentials.json'));
  if (!existsSync(file)) {
    if (named) throw new UsageError(`credentials file ${file} does not exist`);
    return undefined;
  }
  const raw = parseJson(readFileSync(file, 'utf8'), file);
  const list = isObject(raw) && Array.isArray(raw['credentials']) ? (raw['credentials'] as unknown[]) : [];
  const credentials = list.flatMap((entry): Credential[] => {
    if (!isObject(entry) || typeof entry['accessKeyId'] !== 'string' || typeof entry['secret'] !== 'string') return [];
    return [
      {
        accessKeyId: entry['accessKeyId'],
        secret: entry['secret'],
        ...(typeof entry['department'] === 'string' ? { department: entry['department'] } : {}),
        ...(typeof entry['source'] === 'string' ? { source: entry['source'] } : {}),
        admin: entry['admin'] === true,
      },
    ];
  });
  return { path: file, credentials };
}

function repositoryRoot(from: string): string {
  let dir = from;
  for (;;) {
    if (existsSync(path.join(dir, 'package.json')) && existsSync(path.join(dir, 'libs'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return from;
    dir = parent;
  }
}

/** Where relative paths start: the caller's folder, also under `npm run hub` (which runs in the repository root). */
function callerDirectory(env: NodeJS.ProcessEnv): string {
  return env.INIT_CWD ?? process.cwd();
}

async function readInput(source: string | undefined, env: NodeJS.ProcessEnv): Promise<string> {
  if (source !== undefined && source !== '-') return readFileSync(path.resolve(callerDirectory(env), source), 'utf8');
  if (process.stdin.isTTY) throw new UsageError('publish reads the event from a file or from stdin');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function parseJson(text: string, what: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new UsageError(`${what} is not JSON: ${(error as Error).message}`);
  }
}

async function publish(flags: Flags, positionals: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const input = parseJson(await readInput(positionals[0], env), positionals[0] ?? 'stdin');
  const first: unknown = Array.isArray(input) ? input[0] : input;
  const hint = isObject(first)
    ? {
        source: typeof first['source'] === 'string' ? first['source'] : undefined,
        department: typeof first['department'] === 'string' ? first['department'] : undefined,
      }
    : {};
  const client = clientFor(resolveCredential(flags, env, callerDirectory(env), hint));
  if (Array.isArray(input)) {
    if (flags.binary) throw new UsageError('--binary sends one event; a batch is always structured');
    const result = await client.publishBatch(input as CloudEventInput[]);
    print({ status: result.status, results: result.results });
    return result.results.every((r) => r.ok) ? 0 : 1;
  }
  if (!isObject(input)) throw new UsageError('an event is a JSON object (a batch: an array of them)');
  print(await client.publish(input as unknown as CloudEventInput, flags.binary ? 'binary' : 'structured'));
  return 0;
}

async function subscribe(client: HubClient, flags: Flags, env: NodeJS.ProcessEnv): Promise<number> {
  if (flags.body) {
    // Sent as written: the gateway validates it and names what is wrong.
    const parsed = parseJson(readFileSync(path.resolve(callerDirectory(env), flags.body), 'utf8'), flags.body);
    if (!isObject(parsed)) throw new UsageError('--body must hold a JSON object');
    print(await client.request('POST', '/v1/subscriptions', { body: parsed }));
    return 0;
  }
  const eventTypes = (flags.types ?? '')
    .split(',')
    .map((t) => t.trim())
    .filter((t) => t !== '');
  // No entitlement needed: each department receives the notices of its own events only.
  if (flags['dead-letters']) eventTypes.push(DEAD_LETTER_NOTICE_TYPE);
  if (eventTypes.length === 0)
    throw new UsageError('subscribe needs --types T1,T2 (see `hub types`) or --dead-letters');
  if (Boolean(flags.webhook) === Boolean(flags.egress)) {
    throw new UsageError('subscribe needs exactly one of --webhook URL and --egress');
  }
  const input: SubscriptionInput = flags.webhook
    ? { eventTypes, mode: 'webhook', webhookUrl: flags.webhook }
    : { eventTypes, mode: 'egress' };
  print(await client.createSubscription(input));
  return 0;
}

async function tail(client: HubClient, flags: Flags, credential: Credential, env: NodeJS.ProcessEnv): Promise<number> {
  const count = flags.count === undefined ? Infinity : positiveInteger(flags.count, '--count');
  const timeoutMs = flags.timeout === undefined ? Infinity : positiveInteger(flags.timeout, '--timeout') * 1000;
  if (flags.deliveries) return tailDeliveries(client, flags.deliveries, flags, count, timeoutMs);
  if (!flags.egress) throw new UsageError('tail needs --egress or --deliveries SUBSCRIPTION_ID');
  const department =
    flags.department ??
    env.HUB_DEPARTMENT ??
    credential.department ??
    ((await client.me())['department'] as string | undefined);
  if (!department) throw new UsageError('tail --egress needs --department CODE');
  const brokers = (flags.brokers ?? env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');
  const prefix = flags['topic-prefix'] ?? env.KAFKA_TOPIC_PREFIX ?? '';
  const topic = `${prefix}${egressTopic(department)}`;
  // The department's own principal, whose ACLs let it read its egress topic with groups named `<code>.…`.
  const role = departmentRole(department);
  const kafka = new Kafka({ clientId: 'hub-cli', brokers, sasl: infraKafkaSasl(role), logLevel: logLevel.NOTHING });
  return tailEgress(kafka, topic, `${prefix}${role}.`, flags['from-beginning'] ?? false, count, timeoutMs);
}

/** Prints each event of the egress topic as one JSON line, as the department's own consumer would read it. */
async function tailEgress(
  kafka: Kafka,
  topic: string,
  groupPrefix: string,
  fromBeginning: boolean,
  count: number,
  timeoutMs: number,
): Promise<number> {
  // A throwaway group: tailing must not move the offsets of the department's real consumers.
  const consumer = kafka.consumer({ groupId: `${groupPrefix}hub-cli-tail-${process.pid}-${Date.now()}` });
  await consumer.connect();
  let seen = 0;
  try {
    await consumer.subscribe({ topic, fromBeginning });
    process.stderr.write(`following ${topic}\n`);
    await new Promise<void>((resolve, reject) => {
      const timer = Number.isFinite(timeoutMs) ? setTimeout(resolve, timeoutMs) : undefined;
      const stop = (): void => {
        clearTimeout(timer);
        resolve();
      };
      process.once('SIGINT', stop);
      consumer
        .run({
          eachMessage: async ({ partition, message }) => {
            if (seen >= count) return;
            const decoded = fromKafkaMessage({ key: message.key, value: message.value, headers: message.headers });
            const line = decoded.ok
              ? { partition, offset: message.offset, event: decoded.event }
              : { partition, offset: message.offset, errors: decoded.errors };
            print(line, false);
            seen += 1;
            if (seen >= count) stop();
          },
        })
        .catch(reject);
    });
  } finally {
    await consumer.disconnect();
  }
  return 0;
}

async function tailDeliveries(
  client: HubClient,
  subscriptionId: string,
  flags: Flags,
  count: number,
  timeoutMs: number,
): Promise<number> {
  const intervalMs = (flags.interval === undefined ? 2 : positiveInteger(flags.interval, '--interval')) * 1000;
  const deadline = Date.now() + timeoutMs;
  const printed = new Set<string>();
  let interrupted = false;
  process.once('SIGINT', () => (interrupted = true));
  while (!interrupted && printed.size < count && Date.now() < deadline) {
    const deliveries = await client.deliveries(subscriptionId, flags.status ? { status: flags.status } : undefined);
    const list = Array.isArray(deliveries) ? deliveries : ((deliveries as { items?: unknown[] }).items ?? []);
    for (const delivery of list) {
      const key = deliveryKey(delivery);
      if (printed.has(key) || printed.size >= count) continue;
      printed.add(key);
      print(delivery, false);
    }
    if (printed.size >= count) break;
    await new Promise((resolve) => setTimeout(resolve, Math.min(intervalMs, Math.max(0, deadline - Date.now()))));
  }
  return 0;
}

/** A delivery's identity and state: printed again when its status or attempts change. */
function deliveryKey(delivery: unknown): string {
  if (!isObject(delivery)) return JSON.stringify(delivery);
  const id = delivery['id'] ?? delivery['deliveryId'] ?? JSON.stringify(delivery);
  return `${String(id)}:${String(delivery['status'] ?? '')}:${String(delivery['attempts'] ?? '')}`;
}

function clientFor(credential: Credential & { url: string }): HubClient {
  return new HubClient({ url: credential.url, accessKeyId: credential.accessKeyId, secret: credential.secret });
}

function positiveInteger(value: string, flag: string): number {
  if (!/^[1-9][0-9]*$/.test(value)) throw new UsageError(`${flag} must be a positive whole number`);
  return Number(value);
}

function print(value: unknown, pretty = true): void {
  process.stdout.write(`${JSON.stringify(value, null, pretty ? 2 : undefined)}\n`);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * One call to any API of the hub, through the gateway (the domain apps' under `/v1/approval`, `/v1/supervision`,
 * `/v1/console`): `hub call POST /v1/supervision/claims --body claim.json`.
 */
async function call(client: HubClient, flags: Flags, positionals: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const [method, target] = positionals;
  if (!method || !target?.startsWith('/')) {
    throw new UsageError('call needs a method and a path, e.g. call GET /v1/supervision/ledgers/SCJG');
  }
  const [pathOnly, query = ''] = target.split(/\?(.*)/s);
  const body = flags.body === undefined ? undefined : parseJson(await readInput(flags.body, env), flags.body);
  print(
    await client.request(method.toUpperCase(), pathOnly!, {
      query: Object.fromEntries(new URLSearchParams(query)),
      body,
    }),
  );
  return 0;
}

/** Public records: no credentials, so none are asked for. */
async function verifyDraw(flags: Flags, positionals: string[], env: NodeJS.ProcessEnv): Promise<number> {
  if (!positionals[0]) throw new UsageError('verify-draw needs a record: a JSON file or an http(s) URL');
  const seconds = flags.timeout === undefined ? undefined : Number(flags.timeout);
  const maxBytes = flags['max-bytes'] === undefined ? VERIFY_DRAW_DEFAULTS.maxBytes : Number(flags['max-bytes']);
  if (seconds !== undefined && !(seconds > 0)) throw new UsageError('--timeout must be a number of seconds above 0');
  if (!Number.isInteger(maxBytes) || maxBytes < 1) throw new UsageError('--max-bytes must be a whole number above 0');
  return verifyDrawCommand(positionals[0], {
    cwd: callerDirectory(env),
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
    timeoutMs: seconds === undefined ? undefined : seconds * 1000,
    maxBytes,
  });
}

export async function main(argv: string[], given: NodeJS.ProcessEnv = process.env): Promise<number> {
  // A variable set to nothing counts as unset, as loadEnv treats it.
  const env: NodeJS.ProcessEnv = Object.fromEntries(Object.entries(given).filter(([, value]) => value !== ''));
  const [command, ...rest] = argv;
  // Reads PostgreSQL or an export with the ledger's public key: no credentials, flags of its own.
  if (command === 'verify-ledger') return verifyLedgerCommand(rest, env);
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(rest);
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  const { values: flags, positionals } = parsed;
  if (!command || flags.help || command === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return command ? 0 : 2;
  }
  try {
    if (command === 'types') {
      const url = flags.url ?? env.HUB_URL ?? 'http://127.0.0.1:3000';
      // The catalogue is public: no credentials needed, so none are asked for.
      const response = await fetch(
        new URL(`/v1/event-types${positionals[0] ? `/${encodeURIComponent(positionals[0])}` : ''}`, url),
      );
      const body = (await response.json()) as unknown;
      print(body);
      return response.ok ? 0 : 1;
    }
    if (command === 'publish') return await publish(flags, positionals, env);
    if (command === 'verify-draw') return await verifyDraw(flags, positionals, env);
    const credential = resolveCredential(flags, env, callerDirectory(env));
    const client = clientFor(credential);
    switch (command) {
      case 'subscribe':
        return await subscribe(client, flags, env);
      case 'tail':
        return await tail(client, flags, credential, env);
      case 'me':
        print(await client.me());
        return 0;
      case 'status': {
        if (!positionals[0]) throw new UsageError('status needs the event id');
        const status = await client.eventStatus(positionals[0], flags.source);
        print(status);
        // A script can wait on it: 0 once every consumer is past the event, 3 while any is not, 4 if one gave up.
        if (status.consumers.some((c) => c.status === 'dead-lettered')) return 4;
        const done = status.consumers.length > 0 && status.consumers.every((c) => c.status === 'consumed');
        return status.state === 'relayed' && done ? 0 : 3;
      }
      case 'dead-letters':
        print(await client.deadLetters({ since: flags.since }));
        return 0;
      case 'call':
        return await call(client, flags, positionals, env);
      default:
        throw new UsageError(`unknown command ${command}`);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`hub: ${error.message}\n${USAGE}\n`);
      return 2;
    }
    if (error instanceof HubError) {
      process.stderr.write(`${JSON.stringify(error.problem, null, 2)}\n`);
      return 1;
    }
    if (error instanceof HubConnectionError) {
      process.stderr.write(`hub: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`hub: ${(error as Error).stack ?? String(error)}\n`);
      process.exit(1);
    },
  );
}
