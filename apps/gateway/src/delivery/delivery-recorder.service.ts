import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { CloudEvent, egressTopic, encodeStructured } from '@hub/contracts';
import { EVENT_CATALOG, EventCatalog, KafkaRecord, OutboxWriter } from '@hub/messaging';
import { EntitlementsRepository, entitlementKey } from '../entitlements/entitlements.repository';
import { acceptedAfterGrant } from '../entitlements/grant-start';
import { EntitlementsService } from '../entitlements/entitlements.service';
import { GatewayEnv } from '../gateway.env';
import { DeliveriesRepository, NewDelivery, identity } from './deliveries.repository';
import { DeliveryMetrics } from './delivery-metrics';
import { ADDRESSED_TYPES, mayReceive } from './delivery-scope';
import { Subscription } from './entities/subscription.entity';
import { SubscriptionsRepository } from './subscriptions.repository';

/** The channel a recorder NOTIFYs on commit, so that the workers send new deliveries at once. */
export function deliveryChannel(dataSource: DataSource): string {
  return `${String((dataSource.options as { schema?: string }).schema ?? 'public')}_deliveries`;
}

/**
 * Turns the events of the canonical topics into what the departments subscribed to: a delivery per webhook
 * subscription, a record on the department's egress topic for Kafka subscribers (of an entitled type, or of an
 * addressed one that names the department: see mayReceive). It runs in the consumer's
 * transaction, with the inbox row of each event, so that an event is matched exactly once: nothing is lost if
 * the gateway stops halfway, nothing is doubled when Kafka delivers again. A department gets an event only if the hub
 * accepted it after the department's grant of its type (grant-start.ts), however late the event is read.
 */
@Injectable()
export class DeliveryRecorder implements OnModuleInit {
  constructor(
    @Inject(EVENT_CATALOG) private readonly catalog: EventCatalog,
    private readonly outbox: OutboxWriter,
    private readonly env: GatewayEnv,
    private readonly metrics: DeliveryMetrics,
    private readonly entitlements: EntitlementsService,
  ) {}

  onModuleInit(): void {
    this.entitlements.onRevoke(async (manager, department, eventType) => {
      await DeliveriesRepository.withdrawType(manager, department, eventType);
    });
  }

  /** @param accepted per event, when the hub accepted it. */
  async record(manager: EntityManager, events: readonly CloudEvent[], accepted: readonly Date[]): Promise<void> {
    const entitlements = await EntitlementsRepository.list(manager);
    // Only events of a type some department may receive concern delivery; the others are not even kept.
    const receivable = new Set([...entitlements.map((e) => e.eventType), ...ADDRESSED_TYPES]);
    const encoded = events
      .map((event, i) => ({ event, acceptedAt: accepted[i] }))
      .filter(({ event }) => receivable.has(event.type))
      .map(({ event, acceptedAt }) => ({ event, acceptedAt, record: this.catalog.encode(event) }));
    if (encoded.length === 0) return;
    // Kept whether subscribed to or not: a subscription may later replay from a point in time.
    const kept = await DeliveriesRepository.keepEvents(
      manager,
      encoded.map(({ event, acceptedAt, record }) => ({
        source: event.source,
        eventId: event.id,
        type: event.type,
        key: keyOf(event, record),
        body: encodeStructured(event),
        acceptedAt,
      })),
    );
    const grants = new Map(entitlements.map((e) => [entitlementKey(e.department, e.eventType), e.grantedAt]));
    const routes = await this.routes(manager);
    const deliveries: NewDelivery[] = [];
    const egress: KafkaRecord[] = [];
    const egressIds: string[] = [];
    for (const { event, acceptedAt, record } of encoded) {
      const eventSeq = kept.get(identity(event.source, event.id));
      if (eventSeq === undefined) continue; // kept (so matched) before
      const departments = new Set<string>();
      for (const subscription of routes.get(event.type) ?? []) {
        const department = subscription.department;
        // Entitled to this event: granted the type before the hub accepted it (not read late, nor while revoked).
        const grantedAt = grants.get(entitlementKey(department, event.type));
        const entitled = grantedAt !== undefined && acceptedAfterGrant(acceptedAt, grantedAt);
        if (!mayReceive(department, event, entitled)) continue;
        if (subscription.mode === 'egress') departments.add(subscription.department);
        else deliveries.push({ subscriptionId: subscription.id, eventSeq, orderingKey: keyOf(event, record) });
      }
      for (const department of departments) {
        egress.push({ ...record, topic: this.egressTopicOf(department) });
        egressIds.push(event.id);
      }
    }
    await DeliveriesRepository.enqueue(manager, deliveries);
    await this.outbox.enqueueRecords(manager, egress, egressIds);
    if (deliveries.length > 0) {
      await manager.query(`SELECT pg_notify($1, '')`, [deliveryChannel(manager.connection)]);
      this.metrics.recorded.inc({ mode: 'webhook' }, deliveries.length);
    }
    if (egress.length > 0) this.metrics.recorded.inc({ mode: 'egress' }, egress.length);
  }

  /** The topic a department's Kafka subscribers read (with the deployment's topic prefix). */
  egressTopicOf(department: string): string {
    return this.env.KAFKA_TOPIC_PREFIX + egressTopic(department);
  }

  /** Per event type, the subscriptions that want it (whether each may receive an event is mayReceive's to say). */
  private async routes(manager: EntityManager): Promise<Map<string, Subscription[]>> {
    const subscriptions = await SubscriptionsRepository.all(manager);
    const routes = new Map<string, Subscription[]>();
    for (const subscription of subscriptions) {
      for (const type of subscription.eventTypes) {
        routes.set(type, [...(routes.get(type) ?? []), subscription]);
      }
    }
    return routes;
  }
}

function keyOf(event: CloudEvent, record: KafkaRecord): string {
  // encode() refuses an event without a key, so the fallback is never the one used.
  return record.key ?? event.id;
}
