import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { RiskClass } from '@hub/contracts';
import { targetKindOf, type TargetKind } from './target-kind';

export interface TargetFacts {
  uscc: string;
  name: string;
  operator: string | null;
  address: string;
  industryCode: string | null;
  establishedOn: string | null;
}

export interface LicenceFact {
  uscc: string;
  licenceNo: string;
  matterCode: string;
  status: 'valid' | 'revoked' | 'cancelled';
  decidedAt: string | null;
}

export interface RiskFact {
  uscc: string;
  riskClass: RiskClass;
  gradedOn: string;
  source: string;
  basis: string | null;
}

export interface TargetView extends TargetFacts {
  kind: TargetKind;
  status: 'active' | 'deregistered';
  deregisteredOn: string | null;
  riskClass: RiskClass | null;
  riskGradedOn: string | null;
  riskSource: string | null;
  licences: { licenceNo: string; matterCode: string; status: string }[];
}

/** What a lock needs of a candidate: its class and what it holds. */
export interface CandidateRow {
  uscc: string;
  kind: TargetKind;
  riskClass: RiskClass | null;
  licenceTypes: string[];
}

const VIEW = `SELECT t.uscc, t.name, t.kind, t.operator, t.address, t.industry_code AS "industryCode",
    to_char(t.established_on, 'YYYY-MM-DD') AS "establishedOn", t.status,
    to_char(t.deregistered_on, 'YYYY-MM-DD') AS "deregisteredOn", r.risk_class AS "riskClass",
    to_char(r.graded_on, 'YYYY-MM-DD') AS "riskGradedOn", r.source AS "riskSource",
    coalesce((SELECT json_agg(json_build_object('licenceNo', l.licence_no, 'matterCode', l.matter_code,
      'status', l.status) ORDER BY l.licence_no) FROM inspection.target_licence l WHERE l.uscc = t.uscc), '[]') AS licences
  FROM inspection.target t LEFT JOIN inspection.risk_grade r ON r.uscc = t.uscc`;

/** The target directory (检查对象名录库): enterprises, their licences and their credit-risk classes. */
@Injectable()
export class TargetsRepository {
  /** Registrations from the register, and imported rows: returns the codes of the rows that changed. */
  async upsert(manager: EntityManager, rows: readonly TargetFacts[], source: 'event' | 'import'): Promise<string[]> {
    const last = [...new Map(rows.map((r) => [r.uscc, r])).values()];
    if (last.length === 0) return [];
    const changed: { uscc: string }[] = await manager.query(
      `INSERT INTO inspection.target AS t (uscc, name, kind, operator, address, industry_code, established_on, source)
       SELECT u.uscc, u.name, u.kind, u.operator, u.address, u.industry_code, u.established_on, $8
         FROM unnest($1::char(18)[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::date[])
           AS u(uscc, name, kind, operator, address, industry_code, established_on)
       ON CONFLICT (uscc) DO UPDATE SET name = excluded.name, operator = coalesce(excluded.operator, t.operator),
         address = excluded.address, industry_code = coalesce(excluded.industry_code, t.industry_code),
         established_on = coalesce(excluded.established_on, t.established_on),
         status = CASE WHEN $8 = 'event' THEN 'active' ELSE t.status END,
         deregistered_on = CASE WHEN $8 = 'event' THEN NULL ELSE t.deregistered_on END, updated_at = now()
       WHERE (t.name, t.operator, t.address, t.industry_code, t.established_on, t.status)
         IS DISTINCT FROM (excluded.name, coalesce(excluded.operator, t.operator), excluded.address,
           coalesce(excluded.industry_code, t.industry_code), coalesce(excluded.established_on, t.established_on),
           CASE WHEN $8 = 'event' THEN 'active' ELSE t.status END)
       RETURNING t.uscc`,
      [
        last.map((r) => r.uscc),
        last.map((r) => r.name),
        last.map((r) => targetKindOf(r.uscc)),
        last.map((r) => r.operator),
        last.map((r) => r.address),
        last.map((r) => r.industryCode),
        last.map((r) => r.establishedOn),
        source,
      ],
    );
    return changed.map((r) => r.uscc.trim());
  }

  /** Returns false when the enterprise is not in the directory. */
  async deregister(manager: EntityManager, uscc: string, on: string): Promise<boolean> {
    const rows: { uscc: string }[] = await manager.query(
      // In a WITH: TypeORM answers a bare UPDATE with [rows, count], a SELECT with the rows.
      `WITH u AS (UPDATE inspection.target SET status = 'deregistered', deregistered_on = $2, updated_at = now()
         WHERE uscc = $1 RETURNING uscc) SELECT * FROM u`,
      [uscc, on],
    );
    return rows.length > 0;
  }

  /** Licence decisions: the latest decision on a licence wins, one arriving late changes nothing. */
  async upsertLicences(manager: EntityManager, rows: readonly LicenceFact[]): Promise<string[]> {
    const last = [...new Map(rows.map((r) => [`${r.uscc}\u0000${r.licenceNo}`, r])).values()];
    if (last.length === 0) return [];
    const changed: { uscc: string }[] = await manager.query(
      `INSERT INTO inspection.target_licence AS l (uscc, licence_no, matter_code, status, decided_at)
       SELECT * FROM unnest($1::char(18)[], $2::text[], $3::text[], $4::text[], $5::timestamptz[])
       ON CONFLICT (uscc, licence_no) DO UPDATE SET matter_code = excluded.matter_code, status = excluded.status,
         decided_at = coalesce(excluded.decided_at, l.decided_at)
       WHERE (l.decided_at IS NULL OR excluded.decided_at IS NULL OR excluded.decided_at >= l.decided_at)
         AND (l.matter_code, l.status) IS DISTINCT FROM (excluded.matter_code, excluded.status)
       RETURNING uscc`,
      [
        last.map((r) => r.uscc),
        last.map((r) => r.licenceNo),
        last.map((r) => r.matterCode),
        last.map((r) => r.status),
        last.map((r) => r.decidedAt),
      ],
    );
    return changed.map((r) => r.uscc.trim());
  }

  /** Risk classes: a grading as recent as the one held replaces it, an older one changes nothing. */
  async upsertRisk(manager: EntityManager, rows: readonly RiskFact[]): Promise<string[]> {
    const last = [...new Map(rows.map((r) => [r.uscc, r])).values()];
    if (last.length === 0) return [];
    const changed: { uscc: string }[] = await manager.query(
      `INSERT INTO inspection.risk_grade AS g (uscc, risk_class, graded_on, source, basis)
       SELECT * FROM unnest($1::char(18)[], $2::text[], $3::date[], $4::text[], $5::text[])
       ON CONFLICT (uscc) DO UPDATE SET risk_class = excluded.risk_class, graded_on = excluded.graded_on,
         source = excluded.source, basis = excluded.basis
       WHERE excluded.graded_on >= g.graded_on
         AND (g.risk_class, g.graded_on, g.source, g.basis)
           IS DISTINCT FROM (excluded.risk_class, excluded.graded_on, excluded.source, excluded.basis)
       RETURNING uscc`,
      [
        last.map((r) => r.uscc),
        last.map((r) => r.riskClass),
        last.map((r) => r.gradedOn),
        last.map((r) => r.source),
        last.map((r) => r.basis),
      ],
    );
    return changed.map((r) => r.uscc.trim());
  }

  async find(manager: EntityManager, uscc: string): Promise<TargetView | null> {
    const rows: TargetView[] = await manager.query(`${VIEW} WHERE t.uscc = $1`, [uscc]);
    return rows[0] ?? null;
  }

  async findMany(manager: EntityManager, usccs: readonly string[]): Promise<Map<string, TargetView>> {
    if (usccs.length === 0) return new Map();
    const rows: TargetView[] = await manager.query(`${VIEW} WHERE t.uscc = ANY($1::char(18)[])`, [usccs]);
    return new Map(rows.map((r) => [r.uscc, r]));
  }

  /** By code, or by a part of the name; at most `limit`, by name. */
  async search(manager: EntityManager, q: string, limit: number, offset = 0): Promise<TargetView[]> {
    const pattern = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    return manager.query(
      `${VIEW} WHERE t.uscc = upper($1) OR t.name LIKE $2 ORDER BY t.name, t.uscc LIMIT $3 OFFSET $4`,
      [q, pattern, limit, offset],
    );
  }

  /** Every active enterprise with its class and the licence types (matter codes) it holds valid. */
  async candidates(manager: EntityManager): Promise<CandidateRow[]> {
    return manager.query(
      `SELECT t.uscc, t.kind, r.risk_class AS "riskClass",
         coalesce(array_agg(DISTINCT l.matter_code) FILTER (WHERE l.status = 'valid'), '{}') AS "licenceTypes"
       FROM inspection.target t LEFT JOIN inspection.risk_grade r ON r.uscc = t.uscc LEFT JOIN inspection.target_licence l ON l.uscc = t.uscc
       WHERE t.status = 'active' GROUP BY t.uscc, t.kind, r.risk_class ORDER BY t.uscc`,
    );
  }
}
