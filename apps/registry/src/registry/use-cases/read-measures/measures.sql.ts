// The measures as SQL, one scan of each table with GROUPING SETS: per licence type × department × month, per
// department, per licence type, and the zone.

/** `$1` the window in ms, `$2` now; filters as `$3…`. */
export function coverageSql(granted: string, licences: string, where: { g: string; l: string }): string {
  const key = (table: string) => `
      CASE WHEN grouping(licence_type) = 1 THEN '*' ELSE coalesce(licence_type, '?') END AS licence_type,
      CASE WHEN grouping(department) = 1 THEN '*' ELSE department END AS department,
      CASE WHEN grouping(${table}) = 1 THEN '*' ELSE ${table} END AS month`;
  const sets = (month: string) =>
    `GROUPING SETS ((licence_type, department, ${month}), (department), (licence_type), ())`;
  return `
    WITH g AS (
      SELECT ${key('gm')},
        count(*) AS granted, count(licence_id) AS aggregated,
        percentile_disc(0.5) WITHIN GROUP (ORDER BY delay_ms) AS lag_p50_ms,
        percentile_disc(0.95) WITHIN GROUP (ORDER BY delay_ms) AS lag_p95_ms,
        max(delay_ms) AS lag_max_ms,
        count(*) FILTER (WHERE delay_ms > $1 OR (licence_id IS NULL AND decided_at < $2::timestamptz - make_interval(secs => $1 / 1000.0))) AS missed_window
      FROM (SELECT *, to_char(decided_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') AS gm FROM ${granted}) x
      WHERE ${where.g}
      GROUP BY ${sets('gm')}),
    l AS (
      SELECT ${key('lm')},
        count(*) AS records, count(*) FILTER (WHERE failed_check IS NULL) AS valid,
        count(*) FILTER (WHERE failed_check = 'identifier') AS failed_identifier,
        count(*) FILTER (WHERE failed_check = 'digest') AS failed_digest,
        count(*) FILTER (WHERE failed_check = 'issuerKey') AS failed_issuer_key,
        count(*) FILTER (WHERE failed_check = 'signature') AS failed_signature,
        count(*) FILTER (WHERE failed_check = 'status') AS failed_status
      FROM (SELECT *, to_char(issued_on, 'YYYY-MM') AS lm FROM ${licences}) y
      WHERE ${where.l}
      GROUP BY ${sets('lm')})
    SELECT * FROM g FULL JOIN l USING (licence_type, department, month)
    ORDER BY licence_type, department, month`;
}

export function sealsSql(seals: string, establishments: string): string {
  return `
    SELECT
      (SELECT json_object_agg(k, v) FROM (
        SELECT coalesce(holder_kind, '*') AS k, json_build_object(
          'active', count(*) FILTER (WHERE status = 'made'),
          'filed', count(*) FILTER (WHERE status = 'made' AND filed_at IS NOT NULL)) AS v
        FROM ${seals} GROUP BY GROUPING SETS ((holder_kind), ())) s) AS filing,
      (SELECT json_build_object(
          'established', count(*),
          'inTime', count(*) FILTER (WHERE seals_complete_at <= due_at),
          'late', count(*) FILTER (WHERE seals_complete_at > due_at OR (seals_complete_at IS NULL AND due_at < $1)),
          'pending', count(*) FILTER (WHERE seals_complete_at IS NULL AND due_at >= $1))
        FROM ${establishments}) AS establishments`;
}
