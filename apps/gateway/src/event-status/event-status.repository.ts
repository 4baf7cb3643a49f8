import { EntityManager } from 'typeorm';
import { IntakeReceipt } from '../intake/entities/intake-receipt.entity';
import { EventDeadLetter } from './entities/event-dead-letter.entity';
import { RelayedBatch } from './entities/relayed-batch.entity';

const receipts = (manager: EntityManager): string => manager.connection.getMetadata(IntakeReceipt).tablePath;
const outbox = (manager: EntityManager): string => `"${manager.connection.getMetadata(IntakeReceipt).schema}"."outbox"`;

/** What the gateway knows of one accepted event: its receipt, whether it left the outbox, its dead letters. */
export interface AcceptedEvent {
  source: string;
  eventId: string;
  hubId: string;
  type: string;
  topic: string;
  department: string;
  channel: string;
  acceptedAt: Date;
}

/** The gateway's receipts, outbox and collected dead letters, read for the publishers; the caller's transaction. */
export class EventStatusRepository {
  /** The receipts of the department's events with this id (one per source that used it). */
  static async receiptsOf(
    manager: EntityManager,
    department: string,
    eventId: string,
    source?: string,
  ): Promise<AcceptedEvent[]> {
    return manager.query(
      `SELECT source, event_id AS "eventId", hub_id AS "hubId", type, topic, department, channel,
              accepted_at AS "acceptedAt"
         FROM ${receipts(manager)}
        WHERE event_id = $1 AND department = $2 AND ($3::text IS NULL OR source = $3)
        ORDER BY source LIMIT 20`,
      [eventId, department, source ?? null],
    );
  }

  /** The department that published this event through the gateway, if its receipt is still kept. */
  static async publisherOf(manager: EntityManager, source: string, eventId: string): Promise<string | undefined> {
    const rows: { department: string }[] = await manager.query(
      `SELECT department FROM ${receipts(manager)} WHERE source = $1 AND event_id = $2`,
      [source, eventId],
    );
    return rows[0]?.department;
  }

  /**
   * Whether the event still waits in the gateway's outbox. The outbox holds only the backlog (the relay deletes what
   * it has produced), so the scan is short; the hub id tells the event from another source's with the same id, the
   * topic from its copies for egress topics (which carry its headers).
   */
  static async inOutbox(manager: EntityManager, event: AcceptedEvent): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `SELECT 1 FROM ${outbox(manager)} WHERE event_id = $1 AND headers->>'ce_hubid' = $2 AND topic = $3 LIMIT 1`,
      [event.eventId, event.hubId, event.topic],
    );
    return rows.length > 0;
  }

  /** The batch the relay produced the event in to its topic (not a copy to an egress topic), since its acceptance. */
  static relayedBatchOf(manager: EntityManager, event: AcceptedEvent): Promise<RelayedBatch | null> {
    return manager
      .createQueryBuilder(RelayedBatch, 'b')
      .where('b.relayed_at >= :acceptedAt', { acceptedAt: event.acceptedAt })
      .andWhere('EXISTS (SELECT 1 FROM unnest(b.hub_ids, b.topics) AS r(h, t) WHERE r.h = :hubId AND r.t = :topic)', {
        hubId: event.hubId,
        topic: event.topic,
      })
      .orderBy('b.relayed_at')
      .limit(1)
      .getOne();
  }

  static async record(manager: EntityManager, letter: EventDeadLetter): Promise<void> {
    await manager.createQueryBuilder().insert().into(EventDeadLetter).values(letter).orIgnore().execute();
  }

  static deadLettersOf(manager: EntityManager, event: AcceptedEvent): Promise<EventDeadLetter[]> {
    return manager.find(EventDeadLetter, {
      where: { eventId: event.eventId, source: event.source },
      order: { deadLetteredAt: 'ASC' },
    });
  }

  /** The department's events' dead letters collected after `since`, oldest first. */
  static deadLettersSince(
    manager: EntityManager,
    department: string,
    since: Date,
    limit: number,
  ): Promise<EventDeadLetter[]> {
    return manager
      .createQueryBuilder(EventDeadLetter, 'd')
      .where('d.department = :department AND d.dead_lettered_at > :since', { department, since })
      .orderBy('d.dead_lettered_at')
      .limit(limit)
      .getMany();
  }
}
