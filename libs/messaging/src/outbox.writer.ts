import { EntityManager } from 'typeorm';
import { CloudEvent } from '@hub/contracts';
import { EventCatalog } from './event-catalog';
import { recordApplied } from './inbox';
import { KafkaRecord } from './kafka-record';

/**
 * Adds events to the outbox inside the caller's transaction: they are published if and only if the
 * transaction commits; the relay finds them by polling (see OutboxRelay).
 */
export class OutboxWriter {
  /**
   * @param ownInbox for an app that reads back the events it writes (to rebuild its state from Kafka) and applies
   *   each one as it writes it: those its consumer handles are recorded in its inbox in the same transaction, so
   *   that reading them back is known for a redelivery before anything is decoded.
   */
  constructor(
    private readonly schema: string,
    private readonly catalog: EventCatalog,
    private readonly ownInbox?: { consumer: string; handles(type: string): boolean },
  ) {}

  /**
   * @param options.applyWhenReadBack the caller does not apply these events as it writes them: its consumer applies
   *   them when it reads them back (they are not recorded in its inbox now).
   */
  async enqueue(
    manager: EntityManager,
    events: readonly CloudEvent[],
    options: { applyWhenReadBack?: boolean } = {},
  ): Promise<void> {
    if (!manager.queryRunner?.isTransactionActive) {
      throw new Error('OutboxWriter.enqueue must run inside a transaction: the event commits with its cause');
    }
    await this.enqueueRecords(
      manager,
      events.map((e) => this.catalog.encode(e)),
      events.map((e) => e.id),
    );
    if (this.ownInbox && !options.applyWhenReadBack) {
      const { consumer, handles } = this.ownInbox;
      await recordApplied(
        manager,
        this.schema,
        consumer,
        events.filter((e) => handles(e.type)),
      );
    }
  }

  /**
   * The INSERT that adds to the outbox the rows of `select` (columns event_id, topic, key, headers jsonb, value
   * bytea, in that order), for a caller that writes the outbox in the same statement as its own rows (a
   * data-modifying WITH): one round trip instead of a transaction's four. A single statement commits whole, so
   * it needs no surrounding transaction.
   */
  insertSql(select: string): string {
    return `INSERT INTO "${this.schema}"."outbox" (event_id, topic, key, headers, value) ${select}`;
  }

  /** For records already encoded (e.g. forwarded verbatim); `eventIds` label them in the outbox. */
  async enqueueRecords(
    manager: EntityManager,
    records: readonly KafkaRecord[],
    eventIds: readonly string[],
  ): Promise<void> {
    if (records.length === 0) return;
    await manager.query(
      `INSERT INTO "${this.schema}"."outbox" (event_id, topic, key, headers, value)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::jsonb[], $5::bytea[])`,
      [
        eventIds,
        records.map((r) => r.topic),
        records.map((r) => r.key),
        records.map((r) => JSON.stringify(r.headers)),
        records.map((r) => r.value),
      ],
    );
  }
}
