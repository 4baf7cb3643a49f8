import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { FieldError, eventTypeRegistry, fromJsonFormat } from '@hub/contracts';
import { EVENT_CATALOG, EventCatalog, OutboxWriter } from '@hub/messaging';
import { ProblemException } from '@hub/platform';
import { Caller } from '../auth/caller.decorator';
import { EntitlementsService } from '../entitlements/entitlements.service';
import { replayStart } from '../entitlements/grant-start';
import { GatewayEnv } from '../gateway.env';
import { DeliveriesRepository, DeliveryRow, ReplayedType } from './deliveries.repository';
import { DeliveryRecorder, deliveryChannel } from './delivery-recorder.service';
import { ADDRESSED_TYPES } from './delivery-scope';
import { CreateSubscriptionDto } from './dto/create-subscription.dto';
import { ListDeliveriesQuery } from './dto/list-deliveries.query';
import { UpdateSubscriptionDto } from './dto/update-subscription.dto';
import { DeliveryStatus } from './entities/delivery.entity';
import { Subscription, SubscriptionMode, SubscriptionStatus } from './entities/subscription.entity';
import { DeliveryCounts, SubscriptionsRepository } from './subscriptions.repository';
import { WebhookTargetPolicy } from './webhook-target.policy';
import { WebhookSecrets } from './webhook-secrets';

export interface SubscriptionView {
  id: string;
  department: string;
  /** The system whose credentials created it. */
  createdBy: string;
  eventTypes: string[];
  mode: SubscriptionMode;
  /** Webhook subscriptions: where deliveries go. */
  webhookUrl?: string;
  /** Egress subscriptions: the Kafka topic to consume. */
  topic?: string;
  status: SubscriptionStatus;
  pausedAt: string | null;
  pauseReason: string | null;
  createdAt: string;
  updatedAt: string;
  /** Webhook subscriptions, when asked for one: where its deliveries stand. */
  deliveries?: {
    pending: number;
    failed: number;
    oldestUndeliveredAt: string | null;
    lastDeliveredAt: string | null;
  };
}

/** The answer to creating a webhook subscription: the only time a secret the hub made is shown. */
export interface CreatedSubscriptionView extends SubscriptionView {
  webhookSecret?: string;
}

export interface DeliveryView {
  /** The `Hub-Delivery-Id` of every attempt. */
  id: string;
  /** Order of recording; `before=<sequence>` pages to older deliveries. */
  sequence: string;
  status: DeliveryStatus;
  /** Sent again by a replay. */
  replay: boolean;
  attempts: number;
  event: { id: string; source: string; type: string; key: string };
  createdAt: string;
  lastAttemptAt: string | null;
  /** When it is tried next (undelivered ones; a paused subscription tries nothing until resumed). */
  nextAttemptAt: string | null;
  deliveredAt: string | null;
  lastStatusCode: number | null;
  lastError: string | null;
}

export interface ReplayView {
  subscriptionId: string;
  /** As asked. */
  since: string;
  /** Events enqueued again (webhook) or forwarded again to the egress topic. */
  replayed: number;
  /**
   * Per type replayed (the subscription's types the department is still entitled to), where its replay began:
   * `since`, or the department's grant of the type when that is later. Nothing accepted before the grant is sent.
   */
  eventTypes: { eventType: string; grantedAt: string; from: string }[];
}

/** A department's subscriptions: made, read, changed, resumed and replayed only by the department's systems. */
@Injectable()
export class SubscriptionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(EVENT_CATALOG) private readonly catalog: EventCatalog,
    private readonly outbox: OutboxWriter,
    private readonly entitlements: EntitlementsService,
    private readonly recorder: DeliveryRecorder,
    private readonly secrets: WebhookSecrets,
    private readonly env: GatewayEnv,
    private readonly targets: WebhookTargetPolicy,
  ) {}

  async create(caller: Caller, dto: CreateSubscriptionDto): Promise<CreatedSubscriptionView> {
    await this.checkEventTypes(caller.department, dto.eventTypes);
    const id = `sub-${randomBytes(8).toString('hex')}`;
    const errors: FieldError[] =
      dto.mode === 'webhook'
        ? dto.webhookUrl === undefined
          ? [{ field: 'webhookUrl', rule: 'isDefined', message: 'webhookUrl is required for a webhook subscription' }]
          : []
        : [
            ...(dto.webhookUrl === undefined ? [] : [webhookOnly('webhookUrl')]),
            ...(dto.webhookSecret === undefined ? [] : [webhookOnly('webhookSecret')]),
          ];
    if (dto.mode === 'webhook' && dto.webhookUrl !== undefined)
      errors.push(...(await this.targets.refusals(dto.webhookUrl)));
    if (errors.length > 0) throw new ProblemException(400, 'invalid-request', 'the request is invalid', errors);
    const generated = dto.mode === 'webhook' && dto.webhookSecret === undefined ? this.secrets.generate() : undefined;
    const secret = dto.webhookSecret ?? generated;
    const subscription = await SubscriptionsRepository.insert(this.dataSource.manager, {
      id,
      department: caller.department,
      createdBy: caller.systemId,
      eventTypes: dto.eventTypes,
      mode: dto.mode,
      webhookUrl: dto.mode === 'webhook' ? dto.webhookUrl! : null,
      webhookSecretSealed: dto.mode === 'webhook' && secret !== undefined ? this.secrets.seal(secret, id) : null,
    });
    return { ...this.view(subscription), ...(generated === undefined ? {} : { webhookSecret: generated }) };
  }

  async list(caller: Caller): Promise<SubscriptionView[]> {
    const subscriptions = await SubscriptionsRepository.listOwned(this.dataSource.manager, caller.department);
    return subscriptions.map((s) => this.view(s));
  }

  async get(caller: Caller, id: string): Promise<SubscriptionView> {
    const subscription = await this.owned(this.dataSource.manager, caller, id);
    if (subscription.mode !== 'webhook') return this.view(subscription);
    return this.view(subscription, await SubscriptionsRepository.deliveryCounts(this.dataSource.manager, id));
  }

  /**
   * Changes event types, webhook URL or secret, or status. Resuming (`status: active`) makes every undelivered delivery due at once,
   * with a fresh retry window; pausing holds them (they keep being recorded) until resumed.
   */
  async update(caller: Caller, id: string, dto: UpdateSubscriptionDto): Promise<SubscriptionView> {
    return this.dataSource.transaction(async (manager) => {
      const subscription = await this.owned(manager, caller, id, true);
      const errors: FieldError[] =
        subscription.mode === 'egress'
          ? (['webhookUrl', 'webhookSecret', 'status'] as const).filter((f) => dto[f] !== undefined).map(webhookOnly)
          : [];
      if (subscription.mode === 'webhook' && dto.webhookUrl !== undefined) {
        errors.push(...(await this.targets.refusals(dto.webhookUrl)));
      }
      if (errors.length > 0) throw new ProblemException(400, 'invalid-request', 'the request is invalid', errors);
      if (dto.eventTypes !== undefined) {
        await this.checkEventTypes(caller.department, dto.eventTypes, manager);
        // What the subscription no longer asks for is not sent.
        await DeliveriesRepository.withdrawOtherTypes(manager, id, dto.eventTypes);
      }
      if (dto.eventTypes !== undefined || dto.webhookUrl !== undefined || dto.webhookSecret !== undefined) {
        await SubscriptionsRepository.update(manager, id, {
          eventTypes: dto.eventTypes,
          webhookUrl: dto.webhookUrl,
          webhookSecretSealed: dto.webhookSecret === undefined ? undefined : this.secrets.seal(dto.webhookSecret, id),
        });
      }
      if (dto.status === 'paused') {
        if (await SubscriptionsRepository.pause(manager, id, `paused by system ${caller.systemName}`)) {
          await DeliveriesRepository.hold(manager, id);
        }
      } else if (dto.status === 'active' && (await SubscriptionsRepository.activate(manager, id))) {
        await DeliveriesRepository.rescheduleNow(manager, id);
        await manager.query(`SELECT pg_notify($1, '')`, [deliveryChannel(this.dataSource)]);
      }
      const updated = await this.owned(manager, caller, id);
      return this.view(updated);
    });
  }

  async delete(caller: Caller, id: string): Promise<void> {
    if (!(await SubscriptionsRepository.delete(this.dataSource.manager, id, caller.department))) {
      throw unknownSubscription(id);
    }
  }

  /**
   * Sends again every kept event of the subscription's (still entitled) types recorded since `since`: as new
   * deliveries with new ids for a webhook (queued behind what is pending), onto the egress topic for Kafka. A type
   * is replayed from its grant when `since` is earlier: the department never gets what the hub accepted before it
   * was entitled (a replay from before the grant is answered, not refused, as the other types may go further back).
   */
  async replay(caller: Caller, id: string, since: string): Promise<ReplayView> {
    const from = new Date(since);
    const oldest = new Date(Date.now() - this.env.DELIVERY_RETENTION_HOURS * 3_600_000);
    if (from.getTime() > Date.now()) {
      throw invalid('since', 'notFuture', 'since must not be in the future');
    }
    if (from < oldest) {
      throw invalid(
        'since',
        'retention',
        `events are kept for ${this.env.DELIVERY_RETENTION_HOURS} h: replay from ${oldest.toISOString()} or later`,
      );
    }
    return this.dataSource.transaction(async (manager) => {
      const subscription = await this.owned(manager, caller, id, true);
      const grants = await this.entitlements.grantsOf(caller.department, manager);
      const types = subscription.eventTypes.flatMap((type) => {
        const grantedAt = grants.get(type);
        return grantedAt === undefined ? [] : [{ type, grantedAt }];
      });
      const replayed = await this.resend(manager, subscription, types, from);
      return {
        subscriptionId: id,
        since: from.toISOString(),
        replayed,
        eventTypes: types.map(({ type, grantedAt }) => ({
          eventType: type,
          grantedAt: grantedAt.toISOString(),
          from: replayStart(from, grantedAt).toISOString(),
        })),
      };
    });
  }

  /** Sends the replay: new deliveries for a webhook, records on the egress topic for Kafka; returns how many. */
  private async resend(
    manager: EntityManager,
    subscription: Subscription,
    types: readonly ReplayedType[],
    from: Date,
  ): Promise<number> {
    if (subscription.mode === 'webhook') {
      const count = await DeliveriesRepository.enqueueReplay(manager, subscription.id, types, from);
      if (count > 0) await manager.query(`SELECT pg_notify($1, '')`, [deliveryChannel(this.dataSource)]);
      return count;
    }
    const kept = await DeliveriesRepository.keptSince(manager, types, from);
    const records = kept.map(({ body }) => {
      const decoded = fromJsonFormat(JSON.parse(body.toString('utf8')));
      if (!decoded.ok) throw new Error('a kept event no longer decodes');
      return { record: this.catalog.encode(decoded.event), id: decoded.event.id };
    });
    const topic = this.recorder.egressTopicOf(subscription.department);
    await this.outbox.enqueueRecords(
      manager,
      records.map(({ record }) => ({ ...record, topic })),
      records.map(({ id: eventId }) => eventId),
    );
    return records.length;
  }

  async deliveries(caller: Caller, id: string, query: ListDeliveriesQuery): Promise<DeliveryView[]> {
    const subscription = await this.owned(this.dataSource.manager, caller, id);
    if (subscription.mode === 'egress') {
      throw new ProblemException(
        409,
        'egress-subscription',
        `${id} delivers on ${this.recorder.egressTopicOf(subscription.department)}: its state is your consumer group's offsets`,
      );
    }
    const rows = await DeliveriesRepository.list(this.dataSource.manager, id, query);
    return rows.map((row) => deliveryView(row, subscription.status));
  }

  /**
   * Unknown types are a 400; types the department is not entitled to, a 403 naming each. An addressed type needs no
   * entitlement: the subscription receives the department's own events of it (mayReceive).
   */
  private async checkEventTypes(department: string, types: readonly string[], manager?: EntityManager): Promise<void> {
    const unknown = types.flatMap((type, i) =>
      eventTypeRegistry.get(type)
        ? []
        : [
            {
              field: `eventTypes[${i}]`,
              rule: 'registered',
              message: `${type} is not a registered event type; GET /v1/event-types lists them`,
            },
          ],
    );
    if (unknown.length > 0) throw new ProblemException(400, 'invalid-request', 'the request is invalid', unknown);
    const entitled = new Set(await this.entitlements.typesOf(department, manager));
    const refused = types.flatMap((type, i) =>
      entitled.has(type) || ADDRESSED_TYPES.has(type)
        ? []
        : [
            {
              field: `eventTypes[${i}]`,
              rule: 'entitled',
              message: `${department} is not entitled to receive ${type}`,
            },
          ],
    );
    if (refused.length > 0) {
      throw new ProblemException(
        403,
        'forbidden',
        `${department} is not entitled to every type it asked for; an administrator grants entitlements`,
        refused,
      );
    }
  }

  /** The caller's department's subscription; another department's is as unknown as a missing one. */
  private async owned(manager: EntityManager, caller: Caller, id: string, lock = false): Promise<Subscription> {
    const subscription = lock
      ? await manager.findOne(Subscription, {
          where: { id, department: caller.department },
          lock: { mode: 'pessimistic_write' },
        })
      : await SubscriptionsRepository.findOwned(manager, id, caller.department);
    if (!subscription) throw unknownSubscription(id);
    return subscription;
  }

  private view(subscription: Subscription, counts?: DeliveryCounts): SubscriptionView {
    return {
      id: subscription.id,
      department: subscription.department,
      createdBy: subscription.createdBy,
      eventTypes: subscription.eventTypes,
      mode: subscription.mode,
      ...(subscription.mode === 'webhook'
        ? { webhookUrl: subscription.webhookUrl! }
        : { topic: this.recorder.egressTopicOf(subscription.department) }),
      status: subscription.status,
      pausedAt: subscription.pausedAt?.toISOString() ?? null,
      pauseReason: subscription.pauseReason,
      createdAt: subscription.createdAt.toISOString(),
      updatedAt: subscription.updatedAt.toISOString(),
      ...(counts
        ? {
            deliveries: {
              pending: counts.pending,
              failed: counts.failed,
              oldestUndeliveredAt: counts.oldestUndeliveredAt?.toISOString() ?? null,
              lastDeliveredAt: counts.lastDeliveredAt?.toISOString() ?? null,
            },
          }
        : {}),
    };
  }
}

function deliveryView(row: DeliveryRow, subscriptionStatus: SubscriptionStatus): DeliveryView {
  const undelivered = row.status !== 'delivered';
  return {
    id: row.id,
    sequence: row.seq,
    status: row.status,
    replay: row.replay,
    attempts: row.attempts,
    event: { id: row.eventId, source: row.eventSource, type: row.eventType, key: row.key },
    createdAt: row.createdAt.toISOString(),
    lastAttemptAt: row.lastAttemptAt?.toISOString() ?? null,
    // A held delivery's next attempt is 'infinity', which node-postgres reads as the number Infinity.
    nextAttemptAt:
      undelivered && subscriptionStatus === 'active' && row.nextAttemptAt instanceof Date
        ? row.nextAttemptAt.toISOString()
        : null,
    deliveredAt: row.deliveredAt?.toISOString() ?? null,
    lastStatusCode: row.lastStatusCode,
    lastError: row.lastError,
  };
}

function unknownSubscription(id: string): ProblemException {
  return new ProblemException(404, 'unknown-subscription', `your department has no subscription ${id}`);
}

function webhookOnly(field: string): FieldError {
  return { field, rule: 'webhookOnly', message: `${field} applies to webhook subscriptions only` };
}

function invalid(field: string, rule: string, message: string): ProblemException {
  return new ProblemException(400, 'invalid-request', message, [{ field, rule, message }]);
}
