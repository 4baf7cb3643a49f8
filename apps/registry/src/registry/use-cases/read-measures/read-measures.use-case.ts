import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock } from '@hub/workdays';
import { RegistryEnv } from '../../../registry.env';
import { RegistryRepository } from '../../registry.repository';
import type { GapRow } from '../../registry-rows';
import { GapsQuery, MeasuresQuery } from './measures.query';
import { coverageSql, sealsSql } from './measures.sql';

type Row = Record<string, string | number | null>;

/** One group's figures against the goal of 100 %. */
export interface Figures {
  licenceType: string;
  department: string;
  month: string;
  coverage: { granted: number; aggregated: number; rate: number | null };
  lag: { p50Ms: number | null; p95Ms: number | null; maxMs: number | null; missedWindow: number };
  authenticity: { records: number; valid: number; rate: number | null; failed: Record<string, number> };
}

/** 应归尽归、实时汇聚、真实有效, the seal filing rate and late seal sets, and the gaps behind them. */
@Injectable()
export class ReadMeasures {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: RegistryRepository,
    private readonly clock: Clock,
    private readonly env: RegistryEnv,
  ) {}

  async measures(query: MeasuresQuery) {
    const now = this.clock.now();
    const params: unknown[] = [this.env.REGISTRY_LAG_WINDOW_MS, now];
    const g: string[] = ['true'];
    const l: string[] = ['true'];
    const filter = (value: string | undefined, gColumn: string, lColumn: string) => {
      if (value === undefined) return;
      params.push(value);
      g.push(`${gColumn} = $${params.length}`);
      l.push(`${lColumn} = $${params.length}`);
    };
    filter(query.month, 'gm', 'lm');
    filter(query.department, 'department', 'department');
    filter(query.licenceType, 'licence_type', 'licence_type');
    const sql = coverageSql(this.repository.t('granted_licence'), this.repository.t('licence'), {
      g: g.join(' AND '),
      l: l.join(' AND '),
    });
    const rows = ((await this.dataSource.query(sql, params)) as Row[]).map(figuresOf);
    const [seals] = (await this.dataSource.query(
      sealsSql(this.repository.t('seal'), this.repository.t('establishment')),
      [now],
    )) as {
      filing: Record<string, { active: number; filed: number }> | null;
      establishments: Record<string, number>;
    }[];
    const filing = Object.fromEntries(
      Object.entries(seals?.filing ?? {}).map(([k, v]) => [
        k === '*' ? 'all' : k,
        { ...v, rate: rate(v.filed, v.active) },
      ]),
    );
    const openGaps = (await this.dataSource.query(
      `SELECT kind, count(*)::int AS open FROM ${this.repository.t('gap')} WHERE closed_at IS NULL GROUP BY kind ORDER BY kind`,
    )) as { kind: string; open: number }[];
    const zone = rows.find((r) => r.licenceType === '*' && r.department === '*' && r.month === '*') ?? emptyFigures();
    return {
      asOf: now.toISOString(),
      goal: 1,
      lagWindowMs: this.env.REGISTRY_LAG_WINDOW_MS,
      sealWindowMs: this.env.REGISTRY_SEAL_WINDOW_MS,
      zone,
      byDepartment: rows.filter((r) => r.licenceType === '*' && r.department !== '*'),
      byLicenceType: rows.filter((r) => r.licenceType !== '*' && r.department === '*'),
      rows: rows.filter((r) => r.licenceType !== '*' && r.department !== '*'),
      seals: { filing, establishments: seals?.establishments ?? {} },
      openGaps: Object.fromEntries(openGaps.map((o) => [o.kind, o.open])),
    };
  }

  async gaps(query: GapsQuery): Promise<{ total: number; gaps: GapRow[] }> {
    const params: unknown[] = [];
    const where: string[] = [];
    const add = (value: string | undefined, sql: string) => {
      if (value === undefined) return;
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    const status = query.status ?? 'open';
    if (status !== 'all') where.push(status === 'open' ? 'closed_at IS NULL' : 'closed_at IS NOT NULL');
    add(query.kind, 'kind = ?');
    add(query.check, '"check" = ?');
    add(query.department, 'department = ?');
    add(query.licenceType, 'licence_type = ?');
    add(query.uscc, 'uscc = ?');
    add(query.month, `to_char(since AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') = ?`);
    const clause = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
    const [{ total }] = (await this.dataSource.query(
      `SELECT count(*)::int AS total FROM ${this.repository.t('gap')} ${clause}`,
      params,
    )) as { total: number }[];
    params.push(query.limit ?? (query.format === 'csv' ? 10_000 : 100), query.offset ?? 0);
    const gaps = await this.repository.rows<GapRow>(
      this.dataSource.manager,
      `SELECT * FROM ${this.repository.t('gap')} ${clause} ORDER BY since, gap_id LIMIT $${params.length - 1} OFFSET $${params.length}`,
      params,
    );
    return { total, gaps };
  }
}

const num = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));
const numOrNull = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
export const rate = (part: number, whole: number): number | null => (whole === 0 ? null : part / whole);

export function figuresOf(r: Row): Figures {
  const granted = num(r.granted);
  const aggregated = num(r.aggregated);
  const records = num(r.records);
  const valid = num(r.valid);
  return {
    licenceType: String(r.licence_type),
    department: String(r.department),
    month: String(r.month),
    coverage: { granted, aggregated, rate: rate(aggregated, granted) },
    lag: {
      p50Ms: numOrNull(r.lag_p50_ms),
      p95Ms: numOrNull(r.lag_p95_ms),
      maxMs: numOrNull(r.lag_max_ms),
      missedWindow: num(r.missed_window),
    },
    authenticity: {
      records,
      valid,
      rate: rate(valid, records),
      failed: {
        identifier: num(r.failed_identifier),
        digest: num(r.failed_digest),
        issuerKey: num(r.failed_issuer_key),
        signature: num(r.failed_signature),
        status: num(r.failed_status),
      },
    },
  };
}

function emptyFigures(): Figures {
  return figuresOf({ licence_type: '*', department: '*', month: '*' });
}
