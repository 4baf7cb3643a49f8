import { Client } from 'pg';

/**
 * Watches a projection table from the outside: a trigger logs every row the consumer writes, in the consumer's own
 * transaction, so a rolled-back attempt leaves nothing and an event applied twice shows up twice.
 * `poisonMarker` makes the real write fail (as a broken handler would) for rows whose name contains it, and
 * `slowMarker` makes it take `slowSeconds` (a long handler).
 */
export async function installApplyLog(
  databaseUrl: string,
  table: string,
  options: { poisonMarker?: string; slowMarker?: string; slowSeconds?: number } = {},
): Promise<void> {
  const [schema] = table.split('.');
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(`CREATE TABLE IF NOT EXISTS ${schema}.apply_log (
      seq bigserial PRIMARY KEY, uscc text NOT NULL, event_id text NOT NULL, status text NOT NULL)`);
    await client.query(`CREATE OR REPLACE FUNCTION ${schema}.log_apply() RETURNS trigger AS $$
      BEGIN
        IF ${literal(options.poisonMarker)} IS NOT NULL AND position(${literal(options.poisonMarker)} IN NEW.name) > 0 THEN
          -- Quotes the row as PostgreSQL's own errors do (a key's value), personal data included.
          RAISE EXCEPTION 'poisoned row % (%)', NEW.uscc, NEW.legal_representative;
        END IF;
        IF ${literal(options.slowMarker)} IS NOT NULL AND position(${literal(options.slowMarker)} IN NEW.name) > 0 THEN
          PERFORM pg_sleep(${Number(options.slowSeconds ?? 0)});
        END IF;
        INSERT INTO ${schema}.apply_log (uscc, event_id, status) VALUES (NEW.uscc, NEW.last_event_id, NEW.status);
        RETURN NEW;
      END $$ LANGUAGE plpgsql`);
    await client.query(`DROP TRIGGER IF EXISTS log_apply ON ${table}`);
    await client.query(`CREATE TRIGGER log_apply AFTER INSERT OR UPDATE ON ${table}
      FOR EACH ROW EXECUTE FUNCTION ${schema}.log_apply()`);
  } finally {
    await client.end();
  }
}

/** How many times each event id was applied. */
export async function applyCounts(databaseUrl: string, schema: string): Promise<Map<string, number>> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ event_id: string; n: string }>(
      `SELECT event_id, count(*) AS n FROM ${schema}.apply_log GROUP BY event_id`,
    );
    return new Map(rows.map((r) => [r.event_id, Number(r.n)]));
  } finally {
    await client.end();
  }
}

function literal(value: string | undefined): string {
  return value === undefined ? 'NULL::text' : `'${value.replace(/'/g, "''")}'`;
}
