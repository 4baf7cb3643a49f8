import { Check, Column, Entity, Index, PrimaryColumn } from 'typeorm';

export const SUBSCRIPTION_MODES = ['webhook', 'egress'] as const;
export type SubscriptionMode = (typeof SUBSCRIPTION_MODES)[number];

export const SUBSCRIPTION_STATUSES = ['active', 'paused'] as const;
export type SubscriptionStatus = (typeof SUBSCRIPTION_STATUSES)[number];

/**
 * A department's standing request to receive events of some types, by signed webhook or on its egress topic.
 * Only types the department is entitled to reach it, checked when it subscribes and again for every event.
 */
@Entity({ name: 'subscription' })
@Index('subscription_department', ['department'])
@Check('subscription_mode', `"mode" IN ('webhook', 'egress')`)
@Check('subscription_status', `"status" IN ('active', 'paused')`)
@Check(
  'subscription_webhook',
  `("mode" = 'webhook') = ("webhook_url" IS NOT NULL AND "webhook_secret_sealed" IS NOT NULL)`,
)
export class Subscription {
  /** `sub-<hex>`. */
  @PrimaryColumn({ type: 'text' })
  id!: string;

  @Column({ type: 'text' })
  department!: string;

  /** The system whose credentials created it. */
  @Column({ name: 'created_by', type: 'text' })
  createdBy!: string;

  @Column({ name: 'event_types', type: 'text', array: true })
  eventTypes!: string[];

  @Column({ type: 'text' })
  mode!: SubscriptionMode;

  @Column({ name: 'webhook_url', type: 'text', nullable: true })
  webhookUrl!: string | null;

  /** The signing secret of its deliveries, sealed with the gateway's key (HUB_SECRET_KEY), never stored in clear. */
  @Column({ name: 'webhook_secret_sealed', type: 'bytea', nullable: true })
  webhookSecretSealed!: Buffer | null;

  @Column({ type: 'text', default: 'active' })
  status!: SubscriptionStatus;

  @Column({ name: 'paused_at', type: 'timestamptz', nullable: true })
  pausedAt!: Date | null;

  @Column({ name: 'pause_reason', type: 'text', nullable: true })
  pauseReason!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}
