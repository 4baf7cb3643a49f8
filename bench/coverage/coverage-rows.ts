// The bench's rows, generated in PostgreSQL itself (generate_series): 1 000 000 grants and as many e-licences, 200 000
// seals, spread over 20 licence types, 10 departments and 12 months, with the gaps and failures a real zone has.

export const DEPARTMENTS = ['SPJ', 'SCJG', 'YJJ', 'SSJ', 'STHJ', 'JTJ', 'LSJ', 'CGJ', 'ZGJ', 'GAJ'];
export const DEFINING_BODY = '11100000000013338W';

export function seedSql(s: string, licences: number, seals: number): string[] {
  const types = `(ARRAY[${Array.from({ length: 20 }, (_, i) => `'${DEFINING_BODY}${String(100 + i)}'`).join(',')}])`;
  const departments = `(ARRAY[${DEPARTMENTS.map((d) => `'${d}'`).join(',')}])`;
  return [
    `INSERT INTO "${s}"."licence_type" (type_code, name, issuing_departments, matter_codes, reader_departments, validity_months, establishes, updated_at, updated_by)
     SELECT t, '证照类型 ' || t, ARRAY[${departments}[1 + (n % 10)]], ARRAY['BENCH-' || n], '{}', 60, false, now(), 'bench'
     FROM unnest(${types}) WITH ORDINALITY AS x(t, n)`,
    // 97 % of the grants have their e-licence, aggregated after 0-2 hours (1 in 50 after more than a day).
    `INSERT INTO "${s}"."granted_licence" (approval_id, uscc, matter_code, licence_type, department, decided_at, decision, licence_id, aggregated_at, delay_ms)
     SELECT 'B-' || i, '91130871MA0000019T', 'BENCH-1', ${types}[1 + (i % 20)], ${departments}[1 + (i % 10)],
       timestamptz '2026-01-01' + (i % 360) * interval '1 day' + (i % 86400) * interval '1 second', 'granted',
       CASE WHEN i % 33 = 0 THEN NULL ELSE 'L-' || i END,
       CASE WHEN i % 33 = 0 THEN NULL ELSE timestamptz '2026-01-01' + (i % 360) * interval '1 day' END,
       CASE WHEN i % 33 = 0 THEN NULL WHEN i % 50 = 0 THEN 90000000 + i ELSE (i::bigint * 7919) % 7200000 END
     FROM generate_series(1, ${licences}) AS i`,
    `INSERT INTO "${s}"."licence" (licence_id, licence_type, issuer, department, licence_name, holder_kind, holder_uscc, holder_name,
       approval_id, issued_on, valid_from, valid_until, status, version, file_digest, received_at, updated_at, checks, failed_check, failed_detail)
     SELECT 'L-' || i, ${types}[1 + (i % 20)], '11220000013544541J', ${departments}[1 + (i % 10)], '证照', 'enterprise',
       '91130871MA0000019T', '企业', 'B-' || i, date '2026-01-01' + (i % 360), date '2026-01-01' + (i % 360), date '2030-12-31',
       'issued', 1, repeat('0', 64), now(), now(), '{}'::jsonb,
       CASE WHEN i % 97 = 0 THEN 'digest' WHEN i % 89 = 0 THEN 'signature' WHEN i % 83 = 0 THEN 'issuerKey' END, NULL
     FROM generate_series(1, ${licences}) AS i`,
    `INSERT INTO "${s}"."seal" (seal_code, uscc, seal_type, seal_name, holder_kind, holder_name, valid_from, valid_until,
       certificate_subject, certificate_serial, department, status, made_at, filed_at, filing_no, version, updated_at)
     SELECT 'S' || lpad(i::text, 12, '0'), '91130871MA0000019T', '01', '印章', CASE WHEN i % 20 = 0 THEN 'department' ELSE 'enterprise' END,
       '持章', date '2026-01-01', date '2030-12-31', 'CN=x', '01', 'GAJ', CASE WHEN i % 101 = 0 THEN 'cancelled' ELSE 'made' END,
       now(), CASE WHEN i % 40 = 0 THEN NULL ELSE now() END, NULL, 1, now()
     FROM generate_series(1, ${seals}) AS i`,
    `INSERT INTO "${s}"."establishment" (uscc, approval_id, department, established_at, due_at, seals_complete_at, alerted)
     SELECT substr(md5(i::text), 1, 18), 'E-' || i, 'SPJ', now() - interval '3 days', now() - interval '2 days',
       CASE WHEN i % 10 = 0 THEN NULL ELSE now() - interval '2 days 1 hour' END, false
     FROM generate_series(1, ${Math.round(seals / 5)}) AS i`,
    `ANALYZE "${s}"."granted_licence"`,
    `ANALYZE "${s}"."licence"`,
    `ANALYZE "${s}"."seal"`,
    `ANALYZE "${s}"."establishment"`,
  ];
}

/** What an analyst would write to get the same figures from the same rows, at the finest grain only. */
export function plainSql(s: string): string[] {
  return [
    `SELECT licence_type, department, to_char(decided_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') AS month,
       count(*), count(licence_id), percentile_disc(0.5) WITHIN GROUP (ORDER BY delay_ms),
       percentile_disc(0.95) WITHIN GROUP (ORDER BY delay_ms), max(delay_ms), count(*) FILTER (WHERE delay_ms > 3600000)
     FROM "${s}"."granted_licence" GROUP BY 1, 2, 3`,
    `SELECT licence_type, department, to_char(issued_on, 'YYYY-MM') AS month, count(*),
       count(*) FILTER (WHERE failed_check IS NULL), count(*) FILTER (WHERE failed_check = 'digest')
     FROM "${s}"."licence" GROUP BY 1, 2, 3`,
    `SELECT holder_kind, count(*) FILTER (WHERE status = 'made'), count(*) FILTER (WHERE status = 'made' AND filed_at IS NOT NULL)
     FROM "${s}"."seal" GROUP BY 1`,
    `SELECT count(*), count(*) FILTER (WHERE seals_complete_at > due_at OR seals_complete_at IS NULL) FROM "${s}"."establishment"`,
  ];
}
