import { EntityManager } from 'typeorm';

export interface EventIdentity {
  source: string;
  id: string;
}

/** Records events as applied by `consumer`; returns those not recorded before. */
export async function recordApplied(
  manager: EntityManager,
  schema: string,
  consumer: string,
  events: readonly EventIdentity[],
): Promise<EventIdentity[]> {
  if (events.length === 0) return [];
  const rows: { source: string; event_id: string }[] = await manager.query(
    `INSERT INTO "${schema}"."inbox" (consumer, source, event_id)
     SELECT $1, s, i FROM unnest($2::text[], $3::text[]) AS t(s, i)
     ON CONFLICT DO NOTHING RETURNING source, event_id`,
    [consumer, events.map((e) => e.source), events.map((e) => e.id)],
  );
  return rows.map((r) => ({ source: r.source, id: r.event_id }));
}

/** Which of these events `consumer` has applied already, keyed `source\u0000id`. */
export async function appliedAlready(
  manager: EntityManager,
  schema: string,
  consumer: string,
  events: readonly EventIdentity[],
): Promise<Set<string>> {
  if (events.length === 0) return new Set();
  const rows: { source: string; event_id: string }[] = await manager.query(
    `SELECT t.s AS source, t.i AS event_id FROM unnest($2::text[], $3::text[]) AS t(s, i)
       CROSS JOIN LATERAL (SELECT 1 FROM "${schema}"."inbox"
                            WHERE consumer = $1 AND source = t.s AND event_id = t.i LIMIT 1) AS found`,
    [consumer, events.map((e) => e.source), events.map((e) => e.id)],
  );
  return new Set(rows.map((r) => `${r.source}\u0000${r.event_id}`));
}
