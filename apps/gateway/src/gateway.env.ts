import { Transform } from 'class-transformer';
import { IsDefined, IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, ValidateIf } from 'class-validator';
import { DEVELOPMENT_SECRET_KEY, HubEnv, loadEnv, NotPublishedInProduction } from '@hub/config';
import { localEdgeKeys } from '@hub/infra';

const toNumber = ({ value }: { value: unknown }): unknown => (value === undefined ? undefined : Number(value));
const BASE64_32_BYTES = /^[A-Za-z0-9+/]{43}=$/;
const HTTP_URL = /^https?:\/\/[^\s/]+(\/\S*)?$/;

/** The gateway's environment: HubEnv plus the door's own settings. */
export class GatewayEnv extends HubEnv {
  /**
   * Measured by bench/gateway on 2026-11-28: the peak RSS fell from 290–330 MiB to 211–235 MiB, for no CPU cost the
   * runs could show (README, "Benchmarks").
   */
  override HEAP_GROWING_PERCENT = 100;

  /**
   * AES-256-GCM key of the credential secrets at rest: base64 of 32 bytes. Required in production; unset in
   * development and tests, the public DEVELOPMENT_SECRET_KEY.
   */
  @NotPublishedInProduction()
  @Matches(BASE64_32_BYTES, {
    message: 'HUB_SECRET_KEY must be the base64 of 32 random bytes (openssl rand -base64 32)',
  })
  @ValidateIf((env: GatewayEnv) => env.NODE_ENV === 'production' || env.HUB_SECRET_KEY !== undefined)
  @IsDefined({ message: 'HUB_SECRET_KEY is required in production' })
  HUB_SECRET_KEY?: string;

  /**
   * The bootstrap admin credential: at boot the gateway registers it (if absent) for the system `hub-admin` of
   * 信息化中心 (XXHZX), the zone's information centre that runs the hub. Both or neither.
   */
  @Matches(/^[A-Za-z0-9._-]{1,128}$/, { message: 'HUB_ADMIN_ACCESS_KEY_ID must be 1-128 characters from A-Za-z0-9._-' })
  @ValidateIf((env: GatewayEnv) => env.HUB_ADMIN_SECRET !== undefined || env.HUB_ADMIN_ACCESS_KEY_ID !== undefined)
  @IsDefined({ message: 'HUB_ADMIN_ACCESS_KEY_ID is required with HUB_ADMIN_SECRET' })
  HUB_ADMIN_ACCESS_KEY_ID?: string;

  @NotPublishedInProduction()
  @Matches(/^\S{24,256}$/, { message: 'HUB_ADMIN_SECRET must be 24-256 characters without spaces' })
  @ValidateIf((env: GatewayEnv) => env.HUB_ADMIN_SECRET !== undefined || env.HUB_ADMIN_ACCESS_KEY_ID !== undefined)
  @IsDefined({ message: 'HUB_ADMIN_SECRET is required with HUB_ADMIN_ACCESS_KEY_ID' })
  HUB_ADMIN_SECRET?: string;

  /**
   * The edge's Ed25519 private key (PKCS#8 PEM; `\n` may stand for its line breaks): the gateway signs with it the
   * assertion of every call it forwards to a domain app, which checks it with the public key (HUB_EDGE_PUBLIC_KEY).
   * Required in production; unset elsewhere, the pair `npm start` keeps in .hub/edge-keys.json.
   */
  @Matches(/-----BEGIN PRIVATE KEY-----/, { message: 'HUB_EDGE_SIGNING_KEY must be a PKCS#8 PEM private key' })
  @ValidateIf((env: GatewayEnv) => env.NODE_ENV === 'production' || env.HUB_EDGE_SIGNING_KEY !== undefined)
  @IsDefined({ message: 'HUB_EDGE_SIGNING_KEY is required in production' })
  HUB_EDGE_SIGNING_KEY?: string;

  /** Where the gateway forwards `/v1/<app>/…` (apps/gateway/src/door/door-routes.ts). */
  @Matches(HTTP_URL, { message: 'APPROVAL_URL must be an http(s) URL' })
  APPROVAL_URL = 'http://127.0.0.1:3001';

  @Matches(HTTP_URL, { message: 'SUPERVISION_URL must be an http(s) URL' })
  SUPERVISION_URL = 'http://127.0.0.1:3002';

  @Matches(HTTP_URL, { message: 'CONSOLE_URL must be an http(s) URL' })
  CONSOLE_URL = 'http://127.0.0.1:3005';

  @Matches(HTTP_URL, { message: 'INSPECTION_URL must be an http(s) URL' })
  INSPECTION_URL = 'http://127.0.0.1:3003';
  @Matches(HTTP_URL, { message: 'REGISTRY_URL must be an http(s) URL' })
  REGISTRY_URL = 'http://127.0.0.1:3004';

  /** Longest wait for a domain app's answer to a forwarded call; 504 after. */
  @Transform(toNumber)
  @IsInt()
  @Min(100)
  @Max(300_000)
  GATEWAY_UPSTREAM_TIMEOUT_MS = 30_000;

  /** Connections kept open to each domain app (keep-alive), per replica. */
  @Transform(toNumber)
  @IsInt()
  @Min(1)
  @Max(1_024)
  GATEWAY_UPSTREAM_CONNECTIONS = 64;

  /** Largest body of POST /v1/events, in bytes (413 above). */
  @Transform(toNumber)
  @IsInt()
  @Min(1_024)
  GATEWAY_MAX_EVENT_BYTES = 256 * 1_024;

  /** Largest body of POST /v1/events:batch, in bytes (413 above). */
  @Transform(toNumber)
  @IsInt()
  @Min(1_024)
  GATEWAY_MAX_BATCH_BYTES = 5 * 1_024 * 1_024;

  /** Largest body of any other signed request (the admin and delivery APIs), in bytes (413 above). */
  @Transform(toNumber)
  @IsInt()
  @Min(1_024)
  GATEWAY_MAX_REQUEST_BYTES = 1_024 * 1_024;

  /** Most events in one batch (the bound: 500). */
  @Transform(toNumber)
  @IsInt()
  @Min(1)
  @Max(500)
  GATEWAY_MAX_BATCH_EVENTS = 500;

  /**
   * Events waiting to be committed while the intake's statement is busy (each replica); a request that would wait
   * beyond it is answered 503 with Retry-After, nothing of it accepted. At least a full batch.
   */
  @Transform(toNumber)
  @IsInt()
  @Min(500)
  GATEWAY_MAX_QUEUED_EVENTS = 10_000;

  /** Events per second each department may publish, through all gateway replicas together (token bucket refill rate). */
  @Transform(toNumber)
  @IsInt()
  @Min(1)
  GATEWAY_RATE_LIMIT = 1_000;

  /** Events a department may publish at once before the rate applies (token bucket size). */
  @Transform(toNumber)
  @IsInt()
  @Min(1)
  GATEWAY_RATE_BURST = 2_000;

  /** Per-department rates overriding GATEWAY_RATE_LIMIT, e.g. `SPJ=5000,SCJG=200` (burst: twice the rate). */
  @Matches(/^([A-Z]{2,6}=[1-9][0-9]*(,[A-Z]{2,6}=[1-9][0-9]*)*)?$/, {
    message: 'GATEWAY_RATE_LIMITS must look like SPJ=5000,SCJG=200',
  })
  @IsString()
  GATEWAY_RATE_LIMITS = '';

  /**
   * How long a replica may reuse a credential it looked up, while it hears the credentials channel (LISTEN): every
   * revocation, rotation and reseal is announced there when it commits, so each replica drops its copy before its next
   * request with it. Without the channel (not connected, lost) nothing is cached. 0 looks every request up.
   */
  @Transform(toNumber)
  @IsInt()
  @Min(0)
  @Max(600_000)
  GATEWAY_CREDENTIAL_CACHE_MS = 60_000;

  /** A person's session ends after this long without a call (issue 15; OWASP's session guidance: 15-30 min). */
  @Transform(toNumber)
  @IsInt()
  @Min(1)
  @Max(24 * 60)
  PEOPLE_SESSION_IDLE_MINUTES = 30;

  /** …and this long after its login, however busy: a working day and some. */
  @Transform(toNumber)
  @IsInt()
  @Min(1)
  @Max(7 * 24)
  PEOPLE_SESSION_MAX_HOURS = 12;

  /** First retry delay of a failed webhook delivery; each later one doubles (±20 % jitter). */
  @Transform(toNumber)
  @IsInt()
  @Min(1)
  DELIVERY_BACKOFF_BASE_MS = 10_000;

  /** Longest delay between two attempts of one delivery. */
  @Transform(toNumber)
  @IsInt()
  @Min(1)
  DELIVERY_BACKOFF_MAX_MS = 3_600_000;

  /**
   * How long a delivery keeps being retried before its subscription is paused. A day by default: a department's
   * system may be down over a night or a weekend day without losing anything.
   */
  @Transform(toNumber)
  @IsInt()
  @Min(1)
  DELIVERY_RETRY_WINDOW_MS = 24 * 3_600_000;

  /** One webhook call: connect, send, and the receiver's answer. */
  @Transform(toNumber)
  @IsInt()
  @Min(100)
  @Max(120_000)
  DELIVERY_TIMEOUT_MS = 10_000;

  /** Longest wait for a webhook target's name to resolve, when a URL is set and before each call; refused after. */
  @Transform(toNumber)
  @IsInt()
  @Min(10)
  @Max(60_000)
  DELIVERY_LOOKUP_TIMEOUT_MS = 2_000;

  /** Webhook calls in flight per gateway instance. */
  @Transform(toNumber)
  @IsInt()
  @Min(1)
  @Max(256)
  DELIVERY_CONCURRENCY = 16;

  /** Longest wait before looking for due deliveries again (new ones wake the worker at once). */
  @Transform(toNumber)
  @IsInt()
  @Min(10)
  DELIVERY_POLL_MS = 1_000;

  /** How long delivered events are kept, so that a subscription can replay them from a point in time. */
  @Transform(toNumber)
  @IsInt()
  @Min(1)
  DELIVERY_RETENTION_HOURS = 7 * 24;

  /**
   * Plain-http and loopback webhook targets: `true` allows them (development, tests, the demo), `false` wants
   * https and another host. Unset: allowed in development and tests only.
   */
  @IsIn(['true', 'false'])
  @IsOptional()
  DELIVERY_ALLOW_INSECURE_TARGETS?: string;

  get allowInsecureTargets(): boolean {
    return this.DELIVERY_ALLOW_INSECURE_TARGETS === undefined
      ? this.developmentMode
      : this.DELIVERY_ALLOW_INSECURE_TARGETS === 'true';
  }

  /**
   * How long intake receipts are kept; 0 for ever. A department system resending an event after that gets no
   * duplicate answer: the event is accepted as new and published again.
   */
  @Transform(toNumber)
  @IsInt()
  @Min(0)
  GATEWAY_RECEIPT_RETENTION_HOURS = 30 * 24;

  /** The key the gateway signs assertions with (the generated development pair's only outside production). */
  get edgeSigningKey(): string {
    return this.HUB_EDGE_SIGNING_KEY ?? localEdgeKeys().privateKey;
  }

  /** The key that seals credential secrets; the public development key only in development and tests. */
  get secretKey(): Buffer {
    if (this.HUB_SECRET_KEY !== undefined) return Buffer.from(this.HUB_SECRET_KEY, 'base64');
    if (!this.developmentMode) throw new Error('HUB_SECRET_KEY is required in production');
    return DEVELOPMENT_SECRET_KEY;
  }

  /** The rate (events/s) of each department named in GATEWAY_RATE_LIMITS. */
  get rateOverrides(): ReadonlyMap<string, number> {
    const pairs = this.GATEWAY_RATE_LIMITS.split(',').filter((p) => p !== '');
    return new Map(pairs.map((pair) => [pair.split('=')[0], Number(pair.split('=')[1])] as const));
  }
}

/**
 * A GatewayEnv from another HubEnv plus gateway variables: what in-process tests need, since isolatedEnv() gives a
 * plain HubEnv (e.g. `startHubApp(gatewayApp, toGatewayEnv(iso.env, { GATEWAY_RATE_LIMIT: '5' }))`).
 */
export function toGatewayEnv(env: HubEnv, variables: Record<string, string> = {}): GatewayEnv {
  return loadEnv(GatewayEnv, {
    NODE_ENV: env.NODE_ENV,
    KAFKA_BROKERS: env.KAFKA_BROKERS,
    KAFKA_SASL_MECHANISM: env.KAFKA_SASL_MECHANISM,
    KAFKA_SASL_USERNAME: env.KAFKA_SASL_USERNAME,
    KAFKA_SASL_PASSWORD: env.KAFKA_SASL_PASSWORD,
    KAFKA_CREDENTIALS_FILE: env.KAFKA_CREDENTIALS_FILE,
    DATABASE_URL: env.DATABASE_URL,
    PORT: String(env.PORT),
    LOG_LEVEL: env.LOG_LEVEL,
    KAFKA_PARTITIONS: String(env.KAFKA_PARTITIONS),
    KAFKA_TOPIC_PREFIX: env.KAFKA_TOPIC_PREFIX,
    INSTANCE_ID: env.INSTANCE_ID,
    ...edgeKeyVariables(env),
    ...variables,
  });
}

/** The edge's keys an isolated test env carries (libs/testing), passed on to the gateway's env. */
function edgeKeyVariables(env: HubEnv): Record<string, string> {
  const { HUB_EDGE_SIGNING_KEY } = env as Partial<GatewayEnv>;
  return HUB_EDGE_SIGNING_KEY === undefined ? {} : { HUB_EDGE_SIGNING_KEY };
}
