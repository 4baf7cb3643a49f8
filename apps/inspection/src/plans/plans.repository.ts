import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { DrawInputs } from '@hub/draw';
import type { Exclusion, PlanDepartment, Ratios } from './plan-rules';

export type PlanState = 'draft' | 'locked' | 'drawn';

export interface Plan {
  id: string;
  title: string;
  year: number;
  /** An annual plan of one department, or a joint one (联合抽查) led by the first department. */
  kind: 'annual' | 'joint';
  leadDepartment: string;
  departments: PlanDepartment[];
  ratios: Ratios;
  maxTargetsPerInspector: number | null;
  enterpriseAnnualCap: number;
  inspectionDate: string;
  state: PlanState;
  /** How many times it was locked: each lock has its own secret; a void-and-redraw locks again. */
  lockNo: number;
  lockedAt: Date | null;
  commitment: string | null;
  candidateDigest: string | null;
  inputs: DrawInputs | null;
  createdBy: string;
  createdAt: Date;
}

/** A draw: its record is written once and never changed; a void is recorded beside it. */
export interface Draw {
  id: string;
  planId: string;
  lockNo: number;
  record: Record<string, unknown>;
  witness: string;
  drawnBy: string;
  drawnAt: Date;
  replaces: string | null;
  voidedReason: string | null;
  voidedBy: string | null;
  voidedAt: Date | null;
}

const PLAN = `id, title, year, kind, lead_department AS "leadDepartment", departments, ratios,
  max_targets_per_inspector AS "maxTargetsPerInspector", enterprise_annual_cap AS "enterpriseAnnualCap",
  to_char(inspection_date, 'YYYY-MM-DD') AS "inspectionDate", state, lock_no AS "lockNo", locked_at AS "lockedAt",
  commitment, candidate_digest AS "candidateDigest", created_by AS "createdBy", created_at AS "createdAt"`;
const DRAW = `id, plan_id AS "planId", lock_no AS "lockNo", record, witness, drawn_by AS "drawnBy",
  drawn_at AS "drawnAt", replaces, voided_reason AS "voidedReason", voided_by AS "voidedBy", voided_at AS "voidedAt"`;

/** Plans, their locks (sealed secret, exclusions) and their draws. */
@Injectable()
export class PlansRepository {
  /** False when a plan of that id exists already. */
  async insert(
    manager: EntityManager,
    plan: Omit<Plan, 'lockedAt' | 'commitment' | 'candidateDigest' | 'inputs' | 'createdAt' | 'lockNo'>,
  ) {
    const rows: unknown[] = await manager.query(
      `INSERT INTO inspection.plan (id, title, year, kind, lead_department, departments, ratios,
         max_targets_per_inspector, enterprise_annual_cap, inspection_date, state, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) ON CONFLICT (id) DO NOTHING RETURNING 1`,
      [
        plan.id,
        plan.title,
        plan.year,
        plan.kind,
        plan.leadDepartment,
        JSON.stringify(plan.departments),
        JSON.stringify(plan.ratios),
        plan.maxTargetsPerInspector,
        plan.enterpriseAnnualCap,
        plan.inspectionDate,
        plan.state,
        plan.createdBy,
      ],
    );
    return rows.length > 0;
  }

  async find(manager: EntityManager, id: string, lock = false): Promise<Plan | null> {
    const rows: Plan[] = await manager.query(
      `SELECT ${PLAN}, inputs FROM inspection.plan WHERE id = $1${lock ? ' FOR UPDATE' : ''}`,
      [id],
    );
    return rows[0] ?? null;
  }

  /** Without their inputs (a lock's may be large), newest first. */
  list(manager: EntityManager, filter: { year?: number; department?: string; states?: PlanState[] }): Promise<Plan[]> {
    return manager.query(
      `SELECT ${PLAN}, NULL AS inputs FROM inspection.plan
        WHERE ($1::int IS NULL OR year = $1) AND ($2::text IS NULL OR departments @> jsonb_build_array(jsonb_build_object('code', $2::text)))
          AND ($3::text[] IS NULL OR state = ANY($3::text[]))
        ORDER BY created_at DESC, id LIMIT 500`,
      [filter.year ?? null, filter.department ?? null, filter.states ?? null],
    );
  }

  async sealedSecret(manager: EntityManager, id: string): Promise<Buffer | null> {
    const rows: { sealed: Buffer | null }[] = await manager.query(
      `SELECT sealed_secret AS sealed FROM inspection.plan WHERE id = $1`,
      [id],
    );
    return rows[0]?.sealed ?? null;
  }

  async lock(
    manager: EntityManager,
    id: string,
    lock: {
      lockNo: number;
      lockedAt: Date;
      commitment: string;
      candidateDigest: string;
      sealed: Buffer;
      inputs: DrawInputs;
    },
    exclusions: readonly Exclusion[],
  ): Promise<void> {
    await manager.query(
      `UPDATE inspection.plan SET state = 'locked', lock_no = $2, locked_at = $3, commitment = $4,
         candidate_digest = $5, sealed_secret = $6, inputs = $7 WHERE id = $1`,
      [id, lock.lockNo, lock.lockedAt, lock.commitment, lock.candidateDigest, lock.sealed, JSON.stringify(lock.inputs)],
    );
    if (exclusions.length === 0) return;
    await manager.query(
      `INSERT INTO inspection.plan_exclusion (plan_id, lock_no, uscc, reason)
       SELECT $1, $2, * FROM unnest($3::char(18)[], $4::text[])`,
      [id, lock.lockNo, exclusions.map((e) => e.uscc), exclusions.map((e) => e.reason)],
    );
  }

  exclusions(manager: EntityManager, id: string, lockNo: number): Promise<Exclusion[]> {
    return manager.query(
      `SELECT uscc, reason FROM inspection.plan_exclusion WHERE plan_id = $1 AND lock_no = $2 ORDER BY uscc`,
      [id, lockNo],
    );
  }

  async setState(manager: EntityManager, id: string, state: PlanState): Promise<void> {
    await manager.query(`UPDATE inspection.plan SET state = $2 WHERE id = $1`, [id, state]);
  }

  async insertDraw(manager: EntityManager, draw: Omit<Draw, 'voidedReason' | 'voidedBy' | 'voidedAt'>) {
    await manager.query(
      `INSERT INTO inspection.draw (id, plan_id, lock_no, record, witness, drawn_by, drawn_at, replaces)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        draw.id,
        draw.planId,
        draw.lockNo,
        JSON.stringify(draw.record),
        draw.witness,
        draw.drawnBy,
        draw.drawnAt,
        draw.replaces,
      ],
    );
  }

  async findDraw(manager: EntityManager, id: string, lock = false): Promise<Draw | null> {
    const rows: Draw[] = await manager.query(
      `SELECT ${DRAW} FROM inspection.draw WHERE id = $1${lock ? ' FOR UPDATE' : ''}`,
      [id],
    );
    return rows[0] ?? null;
  }

  drawsOf(manager: EntityManager, planId: string): Promise<Draw[]> {
    return manager.query(`SELECT ${DRAW} FROM inspection.draw WHERE plan_id = $1 ORDER BY lock_no`, [planId]);
  }

  /** The draws, newest first, without their records. */
  listDraws(manager: EntityManager, limit: number): Promise<Omit<Draw, 'record'>[]> {
    const columns = DRAW.replace('record, ', '');
    return manager.query(`SELECT ${columns} FROM inspection.draw ORDER BY drawn_at DESC, id LIMIT $1`, [limit]);
  }

  async voidDraw(manager: EntityManager, id: string, reason: string, by: string, at: Date): Promise<void> {
    await manager.query(`UPDATE inspection.draw SET voided_reason = $2, voided_by = $3, voided_at = $4 WHERE id = $1`, [
      id,
      reason,
      by,
      at,
    ]);
  }
}
