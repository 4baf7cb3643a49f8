import { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { Delivery, DeliveryStatus } from './entities/delivery.entity';
import { DeliveryEvent } from './entities/delivery-event.entity';
import { Subscription } from './entities/subscription.entity';

export interface EventToKeep {
  source: string;
  eventId: string;
  type: string;
  key: string;
  body: Buffer;
  /** When the hub accepted it. */
  acceptedAt: Date;
}

/** A type a replay sends, and the grant its department received it by: nothing accepted before it is sent. */
export interface ReplayedType {
  type: string;
  grantedAt: Date;
}

export interface NewDelivery {
  subscriptionId: string;
  eventSeq: string;
  orderingKey: string;
}

/** A delivery a worker holds the lease of, with what it needs to send it. */
export interface ClaimedDelivery {
  seq: string;
  id: string;
  subscriptionId: string;
  attempts: number;
  url: string;
  sealedSecret: Buffer;
  body: Buffer;
}

export interface DeliveryRow {
  seq: string;
  id: string;
  status: DeliveryStatus;
  replay: boolean;
  attempts: number;
  eventId: string;
  eventSource: string;
  eventType: string;
  key: string;
  createdAt: Date;
  lastAttemptAt: Date | null;
  /** `Infinity` while held (paused subscription). */
  nextAttemptAt: Date | number;
  deliveredAt: Date | null;
  lastStatusCode: number | null;
  lastError: string | null;
}

export interface DeliveryQuery {
  status?: DeliveryStatus;
  limit: number;
  /** Deliveries recorded before this sequence number (paging from the newest). */
  before?: string;
}

export interface AttemptFailure {
  statusCode: number | null;
  error: string;
  retryInMs: number;
  /** Retrying stops (and the subscription pauses) once the run of failures is this old. */
  retryWindowMs: number;
}

/** Deliveries and the events they send, in the gateway's schema. SQL lives here, decisions in the services. */
export class DeliveriesRepository {
  /**
   * Keeps the events, once each (source + id), and returns the sequence numbers of those not kept before, in
   * the order given: an event kept before has already been delivered, so it is not delivered again.
   */
  static async keepEvents(manager: EntityManager, events: readonly EventToKeep[]): Promise<Map<string, string>> {
    if (events.length === 0) return new Map();
    const rows: { seq: string; source: string; event_id: string }[] = await manager.query(
      `INSERT INTO ${tableOf(manager, DeliveryEvent)} (source, event_id, type, key, body, accepted_at)
       SELECT source, event_id, type, key, body, accepted_at
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::bytea[], $6::timestamptz[]) WITH ORDINALITY
           AS t(source, event_id, type, key, body, accepted_at, n)
        ORDER BY n
       ON CONFLICT (source, event_id) DO NOTHING
       RETURNING seq, source, event_id`,
      [
        events.map((e) => e.source),
        events.map((e) => e.eventId),
        events.map((e) => e.type),
        events.map((e) => e.key),
        events.map((e) => e.body),
        events.map((e) => e.acceptedAt),
      ],
    );
    return new Map(rows.map((r) => [identity(r.source, r.event_id), r.seq]));
  }

  /** Adds deliveries in the order given, which is the order they will be sent in per subscription and key. */
  static async enqueue(manager: EntityManager, deliveries: readonly NewDelivery[]): Promise<void> {
    if (deliveries.length === 0) return;
    await manager.query(
      `INSERT INTO ${tableOf(manager, Delivery)} (id, subscription_id, event_seq, ordering_key, next_attempt_at)
       SELECT gen_random_uuid(), s, e, k, ${firstAttemptAt(manager, 't.s', 't.k')}
         FROM unnest($1::text[], $2::bigint[], $3::text[]) WITH ORDINALITY AS t(s, e, k, n)
        ORDER BY n`,
      [
        deliveries.map((d) => d.subscriptionId),
        deliveries.map((d) => d.eventSeq),
        deliveries.map((d) => d.orderingKey),
      ],
    );
  }

  /**
   * Enqueues again, as new deliveries, the kept events of the given types recorded since `since` and accepted after
   * their type's grant: what a replay sends. Returns how many.
   */
  static async enqueueReplay(
    manager: EntityManager,
    subscriptionId: string,
    types: readonly ReplayedType[],
    since: Date,
  ): Promise<number> {
    const rows: unknown[] = await manager.query(
      `INSERT INTO ${tableOf(manager, Delivery)} (id, subscription_id, event_seq, ordering_key, replay, next_attempt_at)
       SELECT gen_random_uuid(), $1::text, e.seq, e.key, true, ${firstAttemptAt(manager, '$1::text', 'e.key')}
         FROM ${keptSinceGrant(manager, '$2', '$3', '$4')}
        ORDER BY e.seq
       RETURNING seq`,
      [subscriptionId, since, ...grantsOf(types)],
    );
    return rows.length;
  }

  /** The kept events of the given types recorded since `since` and accepted after their type's grant, oldest first. */
  static async keptSince(
    manager: EntityManager,
    types: readonly ReplayedType[],
    since: Date,
  ): Promise<{ seq: string; body: Buffer }[]> {
    return manager.query(`SELECT e.seq, e.body FROM ${keptSinceGrant(manager, '$1', '$2', '$3')} ORDER BY e.seq`, [
      since,
      ...grantsOf(types),
    ]);
  }

  /**
   * Leases up to `limit` due deliveries of active subscriptions, each the oldest undelivered one of its
   * subscription and key: a delivery waits while an earlier one of the same key is undelivered (failing, or in
   * another worker's hands), so each receiver gets one key's events in order, and a failing key blocks only
   * itself. SKIP LOCKED and the lease keep two workers (two replicas) off the same delivery.
   */
  static async claim(
    manager: EntityManager,
    limit: number,
    leaseMs: number,
    token: string,
  ): Promise<ClaimedDelivery[]> {
    const delivery = tableOf(manager, Delivery);
    const subscription = tableOf(manager, Subscription);
    const event = tableOf(manager, DeliveryEvent);
    return changed<ClaimedDelivery>(
      manager,
      `WITH due AS (
         SELECT d.seq FROM ${delivery} d
           JOIN ${subscription} s ON s.id = d.subscription_id
          WHERE d.status <> 'delivered' AND d.next_attempt_at <= now()
            AND (d.lease_until IS NULL OR d.lease_until < now())
            AND s.status = 'active'
            AND NOT EXISTS (
              SELECT 1 FROM ${delivery} e
               WHERE e.subscription_id = d.subscription_id AND e.ordering_key = d.ordering_key
                 AND e.status <> 'delivered' AND e.seq < d.seq)
          ORDER BY d.next_attempt_at, d.seq
          LIMIT $1
          FOR UPDATE OF d SKIP LOCKED)
       UPDATE ${delivery} d
          SET lease_until = now() + $2 * interval '1 millisecond', lease_token = $3,
              attempts = d.attempts + 1, last_attempt_at = now()
         FROM due, ${subscription} s, ${event} ev
        WHERE d.seq = due.seq AND s.id = d.subscription_id AND ev.seq = d.event_seq
       RETURNING d.seq, d.id, d.subscription_id AS "subscriptionId", d.attempts, s.webhook_url AS url,
                 s.webhook_secret_sealed AS "sealedSecret", ev.body`,
      [limit, leaseMs, token],
    );
  }

  /**
   * Records a 2xx answer; false when the lease was lost meanwhile (another worker took over). The deliveries
   * behind it are due already: they were scheduled no later than this one's last attempt.
   */
  static async markDelivered(manager: EntityManager, seq: string, token: string, statusCode: number): Promise<boolean> {
    const rows = await changed(
      manager,
      `UPDATE ${tableOf(manager, Delivery)}
          SET status = 'delivered', delivered_at = now(), last_status_code = $3, last_error = NULL,
              first_failed_at = NULL, lease_until = NULL, lease_token = NULL
        WHERE seq = $1 AND lease_token = $2
       RETURNING seq`,
      [seq, token, statusCode],
    );
    return rows.length > 0;
  }

  /**
   * Records a failed attempt and schedules the next, moving the later deliveries of the same key (which wait for
   * this one) to the same time, so that the worker does not look at them before; returns whether the failures
   * have lasted the whole retry window (the subscription is then paused), or undefined when the lease was lost.
   */
  static async markFailed(
    manager: EntityManager,
    seq: string,
    token: string,
    failure: AttemptFailure,
  ): Promise<{ exhausted: boolean } | undefined> {
    const delivery = tableOf(manager, Delivery);
    const [row] = await manager.query<{ exhausted: boolean }[]>(
      `WITH failed AS (
         UPDATE ${delivery}
            SET status = 'failed', next_attempt_at = now() + $3 * interval '1 millisecond',
                first_failed_at = coalesce(first_failed_at, now()), last_status_code = $4, last_error = $5,
                lease_until = NULL, lease_token = NULL
          WHERE seq = $1 AND lease_token = $2
         RETURNING seq, subscription_id, ordering_key, next_attempt_at,
                   now() - first_failed_at >= $6 * interval '1 millisecond' AS exhausted),
       behind AS (
         UPDATE ${delivery} d SET next_attempt_at = failed.next_attempt_at
           FROM failed
          WHERE d.subscription_id = failed.subscription_id AND d.ordering_key = failed.ordering_key
            AND d.seq > failed.seq AND d.status <> 'delivered' AND d.next_attempt_at < failed.next_attempt_at)
       SELECT exhausted FROM failed`,
      [seq, token, failure.retryInMs, failure.statusCode, failure.error, failure.retryWindowMs],
    );
    return row;
  }

  /**
   * Withdraws the undelivered deliveries of the department's subscriptions that carry events of `eventType`
   * (its entitlement was revoked); returns how many.
   */
  static async withdrawType(manager: EntityManager, department: string, eventType: string): Promise<number> {
    const rows = await changed(
      manager,
      `DELETE FROM ${tableOf(manager, Delivery)} d
        USING ${tableOf(manager, Subscription)} s, ${tableOf(manager, DeliveryEvent)} e
        WHERE s.id = d.subscription_id AND e.seq = d.event_seq AND d.status <> 'delivered'
          AND s.department = $1 AND e.type = $2
       RETURNING d.seq`,
      [department, eventType],
    );
    return rows.length;
  }

  /** Withdraws the subscription's undelivered deliveries of types it no longer asks for; returns how many. */
  static async withdrawOtherTypes(
    manager: EntityManager,
    subscriptionId: string,
    keep: readonly string[],
  ): Promise<number> {
    const rows = await changed(
      manager,
      `DELETE FROM ${tableOf(manager, Delivery)} d USING ${tableOf(manager, DeliveryEvent)} e
        WHERE e.seq = d.event_seq AND d.subscription_id = $1 AND d.status <> 'delivered'
          AND NOT (e.type = ANY($2::text[]))
       RETURNING d.seq`,
      [subscriptionId, keep],
    );
    return rows.length;
  }

  /** Makes every undelivered delivery of the subscription due now, with a fresh retry window. */
  static async rescheduleNow(manager: EntityManager, subscriptionId: string): Promise<number> {
    const rows = await changed(
      manager,
      `UPDATE ${tableOf(manager, Delivery)} SET next_attempt_at = now(), first_failed_at = NULL
        WHERE subscription_id = $1 AND status <> 'delivered'
       RETURNING seq`,
      [subscriptionId],
    );
    return rows.length;
  }

  /** Holds every undelivered delivery of a paused subscription: none is due until it is resumed. */
  static async hold(manager: EntityManager, subscriptionId: string): Promise<void> {
    await manager.query(
      `UPDATE ${tableOf(manager, Delivery)} SET next_attempt_at = 'infinity'
        WHERE subscription_id = $1 AND status <> 'delivered'`,
      [subscriptionId],
    );
  }

  static list(manager: EntityManager, subscriptionId: string, query: DeliveryQuery): Promise<DeliveryRow[]> {
    const params: unknown[] = [subscriptionId, query.limit];
    let filter = '';
    if (query.status) {
      params.push(query.status);
      filter += ` AND d.status = $${params.length}`;
    }
    if (query.before) {
      params.push(query.before);
      filter += ` AND d.seq < $${params.length}`;
    }
    return manager.query(
      `SELECT d.seq, d.id, d.status, d.replay, d.attempts, e.event_id AS "eventId", e.source AS "eventSource",
              e.type AS "eventType", e.key, d.created_at AS "createdAt", d.last_attempt_at AS "lastAttemptAt",
              d.next_attempt_at AS "nextAttemptAt", d.delivered_at AS "deliveredAt",
              d.last_status_code AS "lastStatusCode", d.last_error AS "lastError"
         FROM ${tableOf(manager, Delivery)} d JOIN ${tableOf(manager, DeliveryEvent)} e ON e.seq = d.event_seq
        WHERE d.subscription_id = $1${filter}
        ORDER BY d.seq DESC LIMIT $2`,
      params,
    );
  }

  /**
   * Forgets what the retention period no longer covers: delivered deliveries, then kept events that no
   * undelivered delivery still needs. At most `batch` rows of each per call.
   */
  static async prune(
    manager: EntityManager,
    olderThan: Date,
    batch: number,
  ): Promise<{ deliveries: number; events: number }> {
    const delivery = tableOf(manager, Delivery);
    const event = tableOf(manager, DeliveryEvent);
    const deliveries = await changed(
      manager,
      `DELETE FROM ${delivery} WHERE seq IN (
         SELECT seq FROM ${delivery} WHERE status = 'delivered' AND delivered_at < $1 LIMIT $2)
       RETURNING seq`,
      [olderThan, batch],
    );
    const events = await changed(
      manager,
      `DELETE FROM ${event} WHERE seq IN (
         SELECT ev.seq FROM ${event} ev WHERE ev.recorded_at < $1
            AND NOT EXISTS (SELECT 1 FROM ${delivery} d WHERE d.event_seq = ev.seq)
          LIMIT $2)
       RETURNING seq`,
      [olderThan, batch],
    );
    return { deliveries: deliveries.length, events: events.length };
  }
}

export function identity(source: string, eventId: string): string {
  return `${source}\u0000${eventId}`;
}

/**
 * The kept events `e` recorded since `since` of the types in `types`, each accepted after its type's grant in
 * `grantedAt` (in whole milliseconds, as acceptedAfterGrant compares them: the grants are read back in JavaScript).
 */
function keptSinceGrant(manager: EntityManager, since: string, types: string, grantedAt: string): string {
  return `${tableOf(manager, DeliveryEvent)} e
     JOIN unnest(${types}::text[], ${grantedAt}::timestamptz[]) AS g(type, granted_at) ON g.type = e.type
    WHERE e.recorded_at >= ${since} AND e.accepted_at > g.granted_at`;
}

function grantsOf(types: readonly ReplayedType[]): [string[], Date[]] {
  return [types.map((t) => t.type), types.map((t) => t.grantedAt)];
}

/**
 * When a new delivery is first due: never while its subscription is paused; with the deliveries of its key still
 * waiting, not before them (it cannot be sent earlier anyway); else now.
 */
function firstAttemptAt(manager: EntityManager, subscriptionId: string, key: string): string {
  return `CASE WHEN (SELECT status FROM ${tableOf(manager, Subscription)} WHERE id = ${subscriptionId}) = 'paused'
            THEN 'infinity'::timestamptz
            ELSE coalesce((SELECT max(q.next_attempt_at) FROM ${tableOf(manager, Delivery)} q
                            WHERE q.subscription_id = ${subscriptionId} AND q.ordering_key = ${key}
                              AND q.status <> 'delivered'), now())
          END`;
}

/** The RETURNING rows of an UPDATE or DELETE (TypeORM answers those with `[rows, count]`). */
async function changed<T = unknown>(manager: EntityManager, sql: string, parameters: unknown[]): Promise<T[]> {
  const [rows] = await manager.query<[T[], number]>(sql, parameters);
  return rows;
}

function tableOf(manager: EntityManager, entity: EntityTarget<ObjectLiteral>): string {
  return manager.connection.getMetadata(entity).tablePath;
}
