import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { ImportKind, RowError } from './csv-rows';

export type ImportState = 'waiting' | 'running' | 'done' | 'failed';

/** An import job, as its poller sees it: counts move on after each batch of rows. */
export interface ImportJob {
  id: string;
  kind: ImportKind;
  department: string | null;
  state: ImportState;
  encoding: string | null;
  rows: number;
  imported: number;
  unchanged: number;
  rejected: number;
  /** The first 1 000 bad rows; `rejected` counts them all. */
  errors: RowError[];
  createdBy: string;
  createdAt: Date;
  finishedAt: Date | null;
}

export const MAX_ERRORS_KEPT = 1_000;

const COLUMNS = `id, kind, department, state, encoding, rows, imported, unchanged, rejected, errors,
  created_by AS "createdBy", created_at AS "createdAt", finished_at AS "finishedAt"`;

@Injectable()
export class ImportJobsRepository {
  async create(manager: EntityManager, job: Pick<ImportJob, 'id' | 'kind' | 'department' | 'createdBy'>) {
    await manager.query(
      `INSERT INTO inspection.import_job (id, kind, department, state, created_by) VALUES ($1, $2, $3, 'waiting', $4)`,
      [job.id, job.kind, job.department, job.createdBy],
    );
  }

  /** Takes a waiting job for its upload; false when it is not waiting (uploaded already, or under way). */
  async start(manager: EntityManager, id: string, encoding: string): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      // In a WITH: TypeORM answers a bare UPDATE with [rows, count], a SELECT with the rows.
      `WITH u AS (UPDATE inspection.import_job SET state = 'running', encoding = $2
         WHERE id = $1 AND state = 'waiting' RETURNING 1) SELECT * FROM u`,
      [id, encoding],
    );
    return rows.length > 0;
  }

  async progress(
    manager: EntityManager,
    id: string,
    counts: Pick<ImportJob, 'rows' | 'imported' | 'unchanged' | 'rejected' | 'errors'>,
    state: ImportState = 'running',
  ): Promise<void> {
    await manager.query(
      `UPDATE inspection.import_job SET rows = $2, imported = $3, unchanged = $4, rejected = $5, errors = $6,
         state = $7, finished_at = CASE WHEN $7 IN ('done', 'failed') THEN now() END WHERE id = $1`,
      [
        id,
        counts.rows,
        counts.imported,
        counts.unchanged,
        counts.rejected,
        JSON.stringify(counts.errors.slice(0, MAX_ERRORS_KEPT)),
        state,
      ],
    );
  }

  async find(manager: EntityManager, id: string): Promise<ImportJob | null> {
    const rows: ImportJob[] = await manager.query(`SELECT ${COLUMNS} FROM inspection.import_job WHERE id = $1`, [id]);
    return rows[0] ?? null;
  }
}
