import { Transform } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';
import { HubEnv } from '@hub/config';

const toNumber = ({ value }: { value: unknown }): unknown => (value === undefined ? undefined : Number(value));

/** The gateway's environment: HubEnv plus the gateway's own variables, validated once at boot. */
export class GatewayEnv extends HubEnv {
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
}
