import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import {
  EstablishmentRow,
  GapRow,
  GrantedLicenceRow,
  IssuerKeyRow,
  LicenceRow,
  LicenceTypeRow,
  SealRow,
  camelRow,
  snake,
} from './registry-rows';

type Table =
  | 'licence_type'
  | 'issuer_key'
  | 'granted_licence'
  | 'licence'
  | 'licence_version'
  | 'seal'
  | 'seal_version'
  | 'establishment'
  | 'gap'
  | 'access_record';

/** The registry's tables, in raw SQL; every call takes the caller's transaction (or the pool for reads). */
@Injectable()
export class RegistryRepository {
  readonly schema: string;

  constructor(dataSource: DataSource) {
    this.schema = (dataSource.options as { schema?: string }).schema ?? 'registry';
  }

  t(table: Table): string {
    return `"${this.schema}"."${table}"`;
  }

  async rows<T>(manager: EntityManager, sql: string, params: unknown[] = []): Promise<T[]> {
    const result = (await manager.query(sql, params)) as Record<string, unknown>[];
    return result.map((r) => camelRow<T>(r));
  }

  /** Inserts or, on the key's conflict, updates every given column. */
  async upsert(manager: EntityManager, table: Table, key: string[], row: Record<string, unknown>): Promise<void> {
    const columns = Object.keys(row);
    const names = columns.map((c) => `"${snake(c)}"`);
    const updates = columns
      .filter((c) => !key.includes(c))
      .map((c) => `"${snake(c)}" = EXCLUDED."${snake(c)}"`)
      .join(', ');
    await manager.query(
      `INSERT INTO ${this.t(table)} (${names.join(', ')}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')})
       ON CONFLICT (${key.map((k) => `"${snake(k)}"`).join(', ')}) ${updates ? `DO UPDATE SET ${updates}` : 'DO NOTHING'}`,
      columns.map((c) => jsonIfObject(row[c])),
    );
  }

  /** Upserts many rows of one shape (the last of a key wins), a statement per thousand. */
  async upsertMany(
    manager: EntityManager,
    table: Table,
    key: string[],
    rows: Record<string, unknown>[],
  ): Promise<void> {
    const unique = [...new Map(rows.map((r) => [key.map((k) => String(r[k])).join('\u0000'), r])).values()];
    await this.manyRows(manager, table, unique, (names) => {
      const updates = names.filter((n) => !key.map(snake).includes(n)).map((n) => `"${n}" = EXCLUDED."${n}"`);
      return ` ON CONFLICT (${key.map((k) => `"${snake(k)}"`).join(', ')}) DO UPDATE SET ${updates.join(', ')}`;
    });
  }

  async insertMany(manager: EntityManager, table: Table, rows: Record<string, unknown>[]): Promise<void> {
    await this.manyRows(manager, table, rows, () => '');
  }

  private async manyRows(
    manager: EntityManager,
    table: Table,
    rows: Record<string, unknown>[],
    tail: (names: string[]) => string,
  ): Promise<void> {
    if (rows.length === 0) return;
    const columns = Object.keys(rows[0]!);
    const names = columns.map(snake);
    for (let start = 0; start < rows.length; start += 1_000) {
      const chunk = rows.slice(start, start + 1_000);
      const params: unknown[] = [];
      const values = chunk.map((row) => `(${columns.map((c) => `$${params.push(jsonIfObject(row[c]))}`).join(', ')})`);
      await manager.query(
        `INSERT INTO ${this.t(table)} (${names.map((n) => `"${n}"`).join(', ')}) VALUES ${values.join(', ')}${tail(names)}`,
        params,
      );
    }
  }

  /** Advisory locks of all the keys, taken in one order by every caller. */
  async lockAll(manager: EntityManager, keys: string[]): Promise<void> {
    if (keys.length === 0) return;
    await manager.query(
      'SELECT pg_advisory_xact_lock(hashtextextended(k, 0)) FROM (SELECT DISTINCT unnest($1::text[]) AS k ORDER BY 1) x',
      [keys],
    );
  }

  async licencesById(manager: EntityManager, ids: string[]): Promise<Map<string, LicenceRow>> {
    if (ids.length === 0) return new Map();
    const sql = `SELECT *, to_char(issued_on, 'YYYY-MM-DD') AS issued_on, to_char(valid_from, 'YYYY-MM-DD') AS valid_from,
      to_char(valid_until, 'YYYY-MM-DD') AS valid_until FROM ${this.t('licence')} WHERE licence_id = ANY ($1::text[])
      ORDER BY licence_id FOR UPDATE`;
    return new Map((await this.rows<LicenceRow>(manager, sql, [ids])).map((l) => [l.licenceId, l]));
  }

  async grantsById(manager: EntityManager, ids: string[]): Promise<Map<string, GrantedLicenceRow>> {
    if (ids.length === 0) return new Map();
    const sql = `SELECT * FROM ${this.t('granted_licence')} WHERE approval_id = ANY ($1::text[]) ORDER BY approval_id FOR UPDATE`;
    const rows = await this.rows<GrantedLicenceRow>(manager, sql, [ids]);
    return new Map(rows.map((g) => [g.approvalId, { ...g, delayMs: g.delayMs === null ? null : Number(g.delayMs) }]));
  }

  async licenceTypesByCode(manager: EntityManager, codes: string[]): Promise<Map<string, LicenceTypeRow>> {
    if (codes.length === 0) return new Map();
    const sql = `SELECT * FROM ${this.t('licence_type')} WHERE type_code = ANY ($1::text[])`;
    return new Map((await this.rows<LicenceTypeRow>(manager, sql, [codes])).map((t) => [t.typeCode, t]));
  }

  async issuerKeysById(manager: EntityManager, issuers: string[]): Promise<Map<string, IssuerKeyRow>> {
    if (issuers.length === 0) return new Map();
    const sql = `SELECT * FROM ${this.t('issuer_key')} WHERE issuer = ANY ($1::text[])`;
    return new Map((await this.rows<IssuerKeyRow>(manager, sql, [issuers])).map((k) => [k.issuer, k]));
  }

  /** Links grants to their e-licences: licence, when aggregated, the delay since the decision. */
  async linkGrants(
    manager: EntityManager,
    links: { approvalId: string; licenceId: string; aggregatedAt: Date; delayMs: number }[],
  ): Promise<void> {
    if (links.length === 0) return;
    await manager.query(
      `UPDATE ${this.t('granted_licence')} g SET licence_id = x.licence_id, aggregated_at = x.aggregated_at, delay_ms = x.delay_ms
       FROM unnest($1::text[], $2::text[], $3::timestamptz[], $4::bigint[]) AS x(approval_id, licence_id, aggregated_at, delay_ms)
       WHERE g.approval_id = x.approval_id`,
      [
        links.map((l) => l.approvalId),
        links.map((l) => l.licenceId),
        links.map((l) => l.aggregatedAt),
        links.map((l) => l.delayMs),
      ],
    );
  }

  async insert(manager: EntityManager, table: Table, row: Record<string, unknown>): Promise<void> {
    const columns = Object.keys(row);
    await manager.query(
      `INSERT INTO ${this.t(table)} (${columns.map((c) => `"${snake(c)}"`).join(', ')})
       VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')})`,
      columns.map((c) => jsonIfObject(row[c])),
    );
  }

  /**
   * Serializes, until the transaction ends, the work of everyone holding the same key: an e-licence and its grant
   * (`approval:<id>`), seals and their holder's establishment (`holder:<uscc>`) come on different topics, and each
   * must see the other once it is committed, whichever comes first.
   */
  async lock(manager: EntityManager, key: string): Promise<void> {
    await manager.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [key]);
  }

  licenceTypes(manager: EntityManager): Promise<LicenceTypeRow[]> {
    return this.rows(manager, `SELECT * FROM ${this.t('licence_type')} ORDER BY type_code`);
  }

  async licenceType(manager: EntityManager, typeCode: string): Promise<LicenceTypeRow | undefined> {
    return (
      await this.rows<LicenceTypeRow>(manager, `SELECT * FROM ${this.t('licence_type')} WHERE type_code = $1`, [
        typeCode,
      ])
    )[0];
  }

  async licenceTypeOfMatter(manager: EntityManager, matterCode: string): Promise<LicenceTypeRow | undefined> {
    const sql = `SELECT * FROM ${this.t('licence_type')} WHERE $1 = ANY (matter_codes) ORDER BY type_code LIMIT 1`;
    return (await this.rows<LicenceTypeRow>(manager, sql, [matterCode]))[0];
  }

  async issuerKey(manager: EntityManager, issuer: string): Promise<IssuerKeyRow | undefined> {
    return (
      await this.rows<IssuerKeyRow>(manager, `SELECT * FROM ${this.t('issuer_key')} WHERE issuer = $1`, [issuer])
    )[0];
  }

  issuerKeys(manager: EntityManager): Promise<IssuerKeyRow[]> {
    return this.rows(manager, `SELECT * FROM ${this.t('issuer_key')} ORDER BY issuer`);
  }

  async grant(manager: EntityManager, approvalId: string, lock = false): Promise<GrantedLicenceRow | undefined> {
    const sql = `SELECT * FROM ${this.t('granted_licence')} WHERE approval_id = $1${lock ? ' FOR UPDATE' : ''}`;
    const [row] = await this.rows<GrantedLicenceRow>(manager, sql, [approvalId]);
    return row ? { ...row, delayMs: row.delayMs === null ? null : Number(row.delayMs) } : undefined;
  }

  async licence(manager: EntityManager, licenceId: string, lock = false): Promise<LicenceRow | undefined> {
    const sql = `SELECT *, to_char(issued_on, 'YYYY-MM-DD') AS issued_on, to_char(valid_from, 'YYYY-MM-DD') AS valid_from,
      to_char(valid_until, 'YYYY-MM-DD') AS valid_until FROM ${this.t('licence')} WHERE licence_id = $1${lock ? ' FOR UPDATE' : ''}`;
    return (await this.rows<LicenceRow>(manager, sql, [licenceId]))[0];
  }

  licencesWhere(manager: EntityManager, where: string, params: unknown[]): Promise<LicenceRow[]> {
    return this.rows(
      manager,
      `SELECT *, to_char(issued_on, 'YYYY-MM-DD') AS issued_on, to_char(valid_from, 'YYYY-MM-DD') AS valid_from,
        to_char(valid_until, 'YYYY-MM-DD') AS valid_until FROM ${this.t('licence')} WHERE ${where} ORDER BY licence_id`,
      params,
    );
  }

  async fileOf(manager: EntityManager, licenceId: string, version: number): Promise<Buffer | null> {
    const sql = `SELECT file FROM ${this.t('licence_version')} WHERE licence_id = $1 AND version = $2`;
    const [row] = (await manager.query(sql, [licenceId, version])) as { file: Buffer | null }[];
    return row?.file ?? null;
  }

  versionsOf(manager: EntityManager, table: 'licence_version' | 'seal_version', key: string, ids: string[]) {
    return this.rows<Record<string, unknown>>(
      manager,
      `SELECT ${key}, version, event_id, event_type, ${table === 'licence_version' ? 'status, failed_check, ' : ''}data, received_at
       FROM ${this.t(table)} WHERE ${key} = ANY ($1::text[]) ORDER BY ${key}, version`,
      [ids],
    );
  }

  async seal(manager: EntityManager, sealCode: string, lock = false): Promise<SealRow | undefined> {
    const sql = `SELECT *, to_char(valid_from, 'YYYY-MM-DD') AS valid_from, to_char(valid_until, 'YYYY-MM-DD') AS valid_until
      FROM ${this.t('seal')} WHERE seal_code = $1${lock ? ' FOR UPDATE' : ''}`;
    return (await this.rows<SealRow>(manager, sql, [sealCode]))[0];
  }

  sealsOf(manager: EntityManager, uscc: string): Promise<SealRow[]> {
    return this.rows(
      manager,
      `SELECT *, to_char(valid_from, 'YYYY-MM-DD') AS valid_from, to_char(valid_until, 'YYYY-MM-DD') AS valid_until
       FROM ${this.t('seal')} WHERE uscc = $1 ORDER BY seal_code`,
      [uscc],
    );
  }

  async establishment(manager: EntityManager, uscc: string, lock = false): Promise<EstablishmentRow | undefined> {
    const sql = `SELECT * FROM ${this.t('establishment')} WHERE uscc = $1${lock ? ' FOR UPDATE' : ''}`;
    return (await this.rows<EstablishmentRow>(manager, sql, [uscc]))[0];
  }

  /** Establishments past their seal window without the set and not yet alerted, locked for this pass. */
  lateEstablishments(manager: EntityManager, now: Date, limit: number): Promise<EstablishmentRow[]> {
    return this.rows(
      manager,
      `SELECT * FROM ${this.t('establishment')} WHERE seals_complete_at IS NULL AND NOT alerted AND due_at <= $1
       ORDER BY due_at LIMIT $2 FOR UPDATE SKIP LOCKED`,
      [now, limit],
    );
  }

  /** The seal types an enterprise holds now (made and not cancelled). */
  async sealTypesOf(manager: EntityManager, uscc: string): Promise<Set<string>> {
    const sql = `SELECT DISTINCT seal_type FROM ${this.t('seal')} WHERE uscc = $1 AND status = 'made'`;
    return new Set(((await manager.query(sql, [uscc])) as { seal_type: string }[]).map((r) => r.seal_type));
  }

  async gaps(manager: EntityManager, ids: string[]): Promise<Map<string, GapRow>> {
    if (ids.length === 0) return new Map();
    const sql = `SELECT * FROM ${this.t('gap')} WHERE gap_id = ANY ($1::text[]) ORDER BY gap_id FOR UPDATE`;
    return new Map((await this.rows<GapRow>(manager, sql, [ids])).map((g) => [g.gapId, g]));
  }

  async openGapsOf(manager: EntityManager, prefix: string): Promise<GapRow[]> {
    const sql = `SELECT * FROM ${this.t('gap')} WHERE gap_id LIKE $1 AND closed_at IS NULL ORDER BY gap_id FOR UPDATE`;
    return this.rows<GapRow>(manager, sql, [`${prefix}%`]);
  }
}

function jsonIfObject(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (value instanceof Date || Buffer.isBuffer(value) || Array.isArray(value)) return value;
  return typeof value === 'object' ? JSON.stringify(value) : value;
}
