import { EntityManager } from 'typeorm';
import { Subscription, SubscriptionStatus } from './entities/subscription.entity';

export type NewSubscription = Pick<
  Subscription,
  'id' | 'department' | 'createdBy' | 'eventTypes' | 'mode' | 'webhookUrl' | 'webhookSecretSealed'
>;

/** What a subscription's deliveries look like now. */
export interface DeliveryCounts {
  pending: number;
  failed: number;
  /** The oldest delivery not yet delivered, if any. */
  oldestUndeliveredAt: Date | null;
  lastDeliveredAt: Date | null;
}

/** Subscriptions in the gateway's schema; every call runs on the manager it is given. */
export class SubscriptionsRepository {
  static async insert(manager: EntityManager, row: NewSubscription): Promise<Subscription> {
    await manager.insert(Subscription, row);
    return manager.findOneByOrFail(Subscription, { id: row.id });
  }

  /** The department's subscription, or null when it does not exist or belongs to another department. */
  static findOwned(manager: EntityManager, id: string, department: string): Promise<Subscription | null> {
    return manager.findOneBy(Subscription, { id, department });
  }

  static listOwned(manager: EntityManager, department: string): Promise<Subscription[]> {
    return manager.find(Subscription, { where: { department }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  /** Every subscription: what the recorder matches each event against (one row per department system need). */
  static all(manager: EntityManager): Promise<Subscription[]> {
    return manager.find(Subscription, {
      select: { id: true, department: true, eventTypes: true, mode: true, status: true },
    });
  }

  static async update(
    manager: EntityManager,
    id: string,
    change: Partial<Pick<Subscription, 'eventTypes' | 'webhookUrl' | 'webhookSecretSealed'>>,
  ): Promise<void> {
    const set = Object.fromEntries(Object.entries(change).filter(([, value]) => value !== undefined));
    await manager.update(Subscription, { id }, { ...set, updatedAt: () => 'now()' });
  }

  /** Deletes it with its deliveries (ON DELETE CASCADE); false when there was none. */
  static async delete(manager: EntityManager, id: string, department: string): Promise<boolean> {
    const result = await manager.delete(Subscription, { id, department });
    return (result.affected ?? 0) > 0;
  }

  /**
   * Locks the subscription's row for the rest of the transaction, so that what may pause it (and then hold every
   * delivery of it) takes its locks in one order: subscription first, then deliveries. Two failures of one
   * subscription recorded at once otherwise each held a delivery the other's pause wanted: a deadlock.
   */
  static async lockForChange(manager: EntityManager, id: string): Promise<void> {
    await manager.query(
      `SELECT 1 FROM ${manager.connection.getMetadata(Subscription).tablePath} WHERE id = $1 FOR NO KEY UPDATE`,
      [id],
    );
  }

  /** Pauses an active subscription; false when it was not active (already paused, or gone). */
  static async pause(manager: EntityManager, id: string, reason: string): Promise<boolean> {
    const result = await manager.update(
      Subscription,
      { id, status: 'active' satisfies SubscriptionStatus },
      { status: 'paused', pausedAt: () => 'now()', pauseReason: reason, updatedAt: () => 'now()' },
    );
    return (result.affected ?? 0) > 0;
  }

  static async activate(manager: EntityManager, id: string): Promise<boolean> {
    const result = await manager.update(
      Subscription,
      { id, status: 'paused' satisfies SubscriptionStatus },
      { status: 'active', pausedAt: null, pauseReason: null, updatedAt: () => 'now()' },
    );
    return (result.affected ?? 0) > 0;
  }

  static async deliveryCounts(manager: EntityManager, id: string): Promise<DeliveryCounts> {
    const delivery = manager.connection.getMetadata('Delivery').tablePath;
    const [undelivered] = await manager.query<{ pending: number; failed: number; oldest: Date | null }[]>(
      `SELECT count(*) FILTER (WHERE status = 'pending')::int AS pending,
              count(*) FILTER (WHERE status = 'failed')::int AS failed,
              min(created_at) AS oldest
         FROM ${delivery} WHERE subscription_id = $1 AND status <> 'delivered'`,
      [id],
    );
    const [last] = await manager.query<{ delivered_at: Date }[]>(
      `SELECT delivered_at FROM ${delivery} WHERE subscription_id = $1 AND status = 'delivered'
        ORDER BY seq DESC LIMIT 1`,
      [id],
    );
    return {
      pending: undelivered.pending,
      failed: undelivered.failed,
      oldestUndeliveredAt: undelivered.oldest,
      lastDeliveredAt: last?.delivered_at ?? null,
    };
  }
}
