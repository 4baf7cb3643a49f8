import { Transform, plainToInstance } from 'class-transformer';
import {
  IsDefined,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
  ValidateBy,
  ValidateIf,
  validateSync,
} from 'class-validator';
import { isPublishedSecret } from './published-secrets';

/**
 * Kafka's own default for a broker's `message.max.bytes` (1 MiB + 12 bytes of log overhead): the largest record
 * batch a broker takes. The local broker is started with KAFKA_MAX_MESSAGE_BYTES (libs/infra), so this is the
 * default of both.
 */
export const KAFKA_DEFAULT_MAX_MESSAGE_BYTES = 1_048_588;

const LOG_LEVELS = ['verbose', 'debug', 'log', 'warn', 'error', 'fatal'] as const;
const SASL_MECHANISMS = ['scram-sha-256', 'scram-sha-512'] as const;
export type HubSaslMechanism = (typeof SASL_MECHANISMS)[number];
export type HubLogLevel = (typeof LOG_LEVELS)[number];
export const NODE_ENVS = ['development', 'test', 'production'] as const;
export type NodeEnv = (typeof NODE_ENVS)[number];

/**
 * In production, refuses a value published in the repository (published-secrets.ts): a development key, a demo
 * credential, an old docker-compose.yml default. `secretsOf` picks the secrets out of a value that holds more.
 */
export function NotPublishedInProduction(
  secretsOf: (value: string) => string[] = (value) => [value],
): PropertyDecorator {
  return ValidateBy({
    name: 'notPublishedInProduction',
    validator: {
      validate: (value: unknown, args) =>
        (args?.object as HubEnv).NODE_ENV !== 'production' ||
        typeof value !== 'string' ||
        !secretsOf(value).some(isPublishedSecret),
      defaultMessage: (args) =>
        `${args?.property} holds a secret published in the repository (a development or demo value): production needs one of its own`,
    },
  });
}

function passwordOf(url: string): string[] {
  try {
    const password = new URL(url).password;
    return password === '' ? [] : [decodeURIComponent(password)];
  } catch {
    return [];
  }
}

/** What every app needs from its environment; an app extends it with its own variables. */
export class HubEnv {
  /**
   * `development` (unset) and `test` turn on what is there for them alone: the gateway's development sealing key,
   * the demo department credentials and matters, plain-http webhook targets. `production` turns them off, requires
   * the secrets those stand in for, and refuses any secret published in the repository. Nothing else is accepted.
   */
  @IsIn(NODE_ENVS, {
    message: (args) => `NODE_ENV must be one of ${NODE_ENVS.join(', ')} (got "${String(args.value)}")`,
  })
  NODE_ENV: NodeEnv = 'development';

  /** Comma-separated host:port list. */
  @Matches(/^[^,\s]+:\d+(,[^,\s]+:\d+)*$/, { message: 'KAFKA_BROKERS must be a comma-separated list of host:port' })
  KAFKA_BROKERS!: string;

  /**
   * This app's own Kafka principal (SASL/SCRAM), one per process: how a deployment such as docker compose gives each
   * app its credentials. Unset, the app takes its entry from KAFKA_CREDENTIALS_FILE; with neither it connects
   * without authentication.
   */
  @ValidateIf((env: HubEnv) => env.KAFKA_SASL_USERNAME !== undefined || env.KAFKA_SASL_PASSWORD !== undefined)
  @IsIn(SASL_MECHANISMS, { message: `KAFKA_SASL_MECHANISM must be one of ${SASL_MECHANISMS.join(', ')}` })
  KAFKA_SASL_MECHANISM: HubSaslMechanism = 'scram-sha-512';

  @ValidateIf((env: HubEnv) => env.KAFKA_SASL_PASSWORD !== undefined)
  @Matches(/^[A-Za-z0-9._-]{1,64}$/, { message: 'KAFKA_SASL_USERNAME must be 1-64 letters, digits, ".", "_" or "-"' })
  KAFKA_SASL_USERNAME?: string;

  @ValidateIf((env: HubEnv) => env.KAFKA_SASL_USERNAME !== undefined)
  @NotPublishedInProduction()
  @IsString({ message: 'KAFKA_SASL_PASSWORD must be set with KAFKA_SASL_USERNAME' })
  @MinLength(12, { message: 'KAFKA_SASL_PASSWORD must be at least 12 characters' })
  KAFKA_SASL_PASSWORD?: string;

  /**
   * Every principal's credentials, each app taking its own (by its name): the local broker's
   * .hub/kafka/credentials.json, which `npm start` and the tests pass on, or an operator's file of the same shape.
   * Production requires this file or KAFKA_SASL_USERNAME: the broker must know each app as its own principal.
   */
  @ValidateIf(
    (env: HubEnv) =>
      env.KAFKA_CREDENTIALS_FILE !== undefined ||
      (env.NODE_ENV === 'production' && env.KAFKA_SASL_USERNAME === undefined),
  )
  @IsDefined({
    message: 'KAFKA_CREDENTIALS_FILE (or KAFKA_SASL_USERNAME and KAFKA_SASL_PASSWORD) is required in production',
  })
  @IsString()
  @IsNotEmpty()
  KAFKA_CREDENTIALS_FILE?: string;

  @NotPublishedInProduction(passwordOf)
  @Matches(/^postgres(ql)?:\/\/\S+$/, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL!: string;

  @Transform(({ value }) => (value === undefined ? undefined : Number(value)))
  /** 0 picks a free port (tests). */
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT!: number;

  @IsIn(LOG_LEVELS)
  LOG_LEVEL: HubLogLevel = 'log';

  /** Partitions for the topics an app creates; more partitions allow more replicas per consumer group. */
  @Transform(({ value }) => (value === undefined ? undefined : Number(value)))
  @IsInt()
  @Min(1)
  KAFKA_PARTITIONS = 6;

  /**
   * The broker's `message.max.bytes` (or the smallest `max.message.bytes` of the hub's topics on an existing cluster):
   * the largest record batch Kafka takes. The outbox relay sizes its batches under it and sets aside a record that
   * can never fit; the gateway refuses (413) an event whose record would not; a dead letter is cut to fit it. The
   * locally started broker is configured with this same value. Set it no higher than the cluster's: a record the
   * broker refuses as too large is only then found out, one by one.
   */
  @Transform(({ value }) => (value === undefined ? undefined : Number(value)))
  @IsInt()
  @Min(65_536)
  KAFKA_MAX_MESSAGE_BYTES = KAFKA_DEFAULT_MAX_MESSAGE_BYTES;

  /**
   * Prepended to every topic name, so that several hubs (or test runs) can share one Kafka cluster without
   * seeing each other's events. Empty in a normal deployment.
   */
  @Matches(/^([a-z0-9-]+\.)?$/, {
    message: 'KAFKA_TOPIC_PREFIX must be empty or lowercase letters, digits and - ending in .',
  })
  KAFKA_TOPIC_PREFIX = '';

  /**
   * Throughput against latency, Kafka's own trade (fetch.min.bytes, fetch.max.wait.ms, linger.ms): a fetch waits
   * for this many bytes or this long, and the outbox relay waits this long after a batch smaller than it could
   * take. Under load each round trip then carries many events instead of one or two — on a machine where a round
   * trip costs more than the work it carries, that is most of the throughput — at the price of up to a fifth of a second
   * per hop when the hub is quiet. 0 turns either off.
   */
  @Transform(({ value }) => (value === undefined ? undefined : Number(value)))
  @IsInt()
  @Min(0)
  KAFKA_FETCH_MIN_BYTES = 262_144;

  @Transform(({ value }) => (value === undefined ? undefined : Number(value)))
  @IsInt()
  @Min(0)
  @Max(10_000)
  KAFKA_FETCH_MAX_WAIT_MS = 200;

  @Transform(({ value }) => (value === undefined ? undefined : Number(value)))
  @IsInt()
  @Min(0)
  @Max(1_000)
  OUTBOX_LINGER_MS = 20;

  /**
   * V8's old generation grows, after each full collection, to (1 + this / 100) times what survived it; 0 leaves
   * V8's own factor (up to 4× under a high allocation rate). A smaller factor bounds the peak memory for more
   * frequent collections; the gateway sets 100 (bench/gateway, README). Applied when the app starts as a process.
   */
  @Transform(({ value }) => (value === undefined ? undefined : Number(value)))
  @IsInt()
  @Min(0)
  @Max(1_000)
  HEAP_GROWING_PERCENT = 0;

  /**
   * How long a consumer remembers the events it applied (the inbox); 0 for ever. An event redelivered after that
   * applies again, so this must exceed the longest redelivery expected: Kafka redelivers only offsets not yet
   * committed (the batch in hand when a consumer stopped, at the group's next join), and a replay from a topic's
   * start is what the projections' idempotent upserts are for.
   */
  @Transform(({ value }) => (value === undefined ? undefined : Number(value)))
  @IsInt()
  @Min(0)
  INBOX_RETENTION_HOURS = 7 * 24;

  /**
   * How long the console keeps a dead letter and may replay it; 0 for ever. A replay is applied once only while every
   * consumer's inbox still knows the original, so no app starts with an inbox kept for less (INBOX_RETENTION_HOURS):
   * the console refuses to replay a letter whose original is older than this, and prunes letters past it.
   */
  @ValidateBy({
    name: 'withinInboxRetention',
    validator: {
      validate: (hours: unknown, args) => {
        const inbox = (args?.object as HubEnv).INBOX_RETENTION_HOURS;
        return inbox === 0 || (typeof hours === 'number' && hours !== 0 && hours <= inbox);
      },
      defaultMessage: () =>
        'DEAD_LETTER_RETENTION_HOURS must be no longer than INBOX_RETENTION_HOURS (0, for ever, only when that is 0 too): a dead letter replayed after its consumers forgot the original would apply twice',
    },
  })
  @Transform(({ value }) => (value === undefined ? undefined : Number(value)))
  @IsInt()
  @Min(0)
  DEAD_LETTER_RETENTION_HOURS = 7 * 24;

  /**
   * Time-outs of every PostgreSQL session an app opens, in milliseconds (0: none): opening a connection or waiting
   * for a free one of the pool; one statement (statement_timeout); a transaction idle between two statements
   * (idle_in_transaction_session_timeout). Migrations run without the statement time-out.
   */
  @Transform(({ value }) => (value === undefined ? undefined : Number(value)))
  @IsInt()
  @Min(0)
  DATABASE_CONNECT_TIMEOUT_MS = 10_000;

  @Transform(({ value }) => (value === undefined ? undefined : Number(value)))
  @IsInt()
  @Min(0)
  DATABASE_STATEMENT_TIMEOUT_MS = 30_000;

  @Transform(({ value }) => (value === undefined ? undefined : Number(value)))
  @IsInt()
  @Min(0)
  DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS = 60_000;

  @IsString()
  @IsNotEmpty()
  INSTANCE_ID = `${process.pid}`;

  /** The DATABASE_*_TIMEOUT_MS settings, as @hub/persistence takes them. */
  get databaseTimeouts(): { connectMs: number; statementMs: number; idleInTransactionMs: number } {
    return {
      connectMs: this.DATABASE_CONNECT_TIMEOUT_MS,
      statementMs: this.DATABASE_STATEMENT_TIMEOUT_MS,
      idleInTransactionMs: this.DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS,
    };
  }

  /** Development or tests: the only modes in which the development-only behaviours may be on. */
  get developmentMode(): boolean {
    return this.NODE_ENV === 'development' || this.NODE_ENV === 'test';
  }

  get brokers(): string[] {
    return this.KAFKA_BROKERS.split(',');
  }
}

/**
 * Validates the environment once at boot and fails fast naming every bad variable (immich's pattern).
 * `defaults` supplies per-app values such as the default port.
 */
export function loadEnv<T extends HubEnv>(
  cls: new () => T,
  source: Record<string, string | undefined> = process.env,
  defaults: Partial<Record<keyof T, unknown>> = {},
): T {
  const merged: Record<string, unknown> = { ...defaults };
  for (const [key, value] of Object.entries(source)) if (value !== undefined && value !== '') merged[key] = value;
  const env = plainToInstance(cls, merged);
  const errors = validateSync(env, { whitelist: false });
  if (errors.length > 0) {
    const lines = errors.map((e) => `${e.property}: ${Object.values(e.constraints ?? {}).join('; ')}`);
    throw new Error(`Invalid environment:\n  ${lines.join('\n  ')}`);
  }
  return env;
}
