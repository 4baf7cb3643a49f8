import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { ResultCategory, TaskInspector } from '@hub/contracts';

export type TaskState = 'assigned' | 'unstaffed' | 'done' | 'cancelled';

/** One department's part of one drawn target. */
export interface Task {
  id: string;
  planId: string;
  drawId: string;
  year: number;
  uscc: string;
  department: string;
  stratum: string;
  /** The drawn team (name and certificate number), null when unstaffed. */
  inspectors: TaskInspector[] | null;
  state: TaskState;
  createdAt: Date;
}

export interface Result {
  taskId: string;
  category: ResultCategory;
  findings: string;
  problems: string[];
  rectification: string | null;
  followUp: string | null;
  resultOn: string;
  /** 20 working days from the result (企业信息公示暂行条例 Art. 6). */
  publicationDueOn: string;
  publishedAt: Date | null;
  overdueNoticedAt: Date | null;
  recordedBy: string;
  channel: 'system' | 'person';
  recordedAt: Date;
}

export interface Inspection extends Task {
  planTitle: string;
  leadDepartment: string;
  category: ResultCategory | null;
  resultOn: string | null;
  publishedAt: Date | null;
}

const TASK = `t.id, t.plan_id AS "planId", t.draw_id AS "drawId", t.year, t.uscc, t.department, t.stratum,
  t.inspectors, t.state, t.created_at AS "createdAt"`;
const result = (r: string) => `${r}task_id AS "taskId", ${r}category, ${r}findings, ${r}problems,
  ${r}rectification, ${r}follow_up AS "followUp", to_char(${r}result_on, 'YYYY-MM-DD') AS "resultOn",
  to_char(${r}publication_due_on, 'YYYY-MM-DD') AS "publicationDueOn", ${r}published_at AS "publishedAt",
  ${r}overdue_noticed_at AS "overdueNoticedAt", ${r}recorded_by AS "recordedBy", ${r}channel,
  ${r}recorded_at AS "recordedAt"`;

/** Tasks and their results. */
@Injectable()
export class TasksRepository {
  async insert(manager: EntityManager, tasks: readonly Omit<Task, 'createdAt'>[]): Promise<void> {
    if (tasks.length === 0) return;
    await manager.query(
      `INSERT INTO inspection.task (id, plan_id, draw_id, year, uscc, department, stratum, inspectors, state)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::int[], $5::char(18)[], $6::text[], $7::text[],
         $8::jsonb[], $9::text[])`,
      [
        tasks.map((t) => t.id),
        tasks.map((t) => t.planId),
        tasks.map((t) => t.drawId),
        tasks.map((t) => t.year),
        tasks.map((t) => t.uscc),
        tasks.map((t) => t.department),
        tasks.map((t) => t.stratum),
        tasks.map((t) => (t.inspectors === null ? null : JSON.stringify(t.inspectors))),
        tasks.map((t) => t.state),
      ],
    );
  }

  async find(manager: EntityManager, id: string, lock = false): Promise<Task | null> {
    const rows: Task[] = await manager.query(
      `SELECT ${TASK} FROM inspection.task t WHERE t.id = $1${lock ? ' FOR UPDATE' : ''}`,
      [id],
    );
    return rows[0] ?? null;
  }

  list(manager: EntityManager, filter: { department?: string; planId?: string; drawId?: string; state?: string }) {
    return manager.query(
      `SELECT ${TASK} FROM inspection.task t
        WHERE ($1::text IS NULL OR t.department = $1) AND ($2::text IS NULL OR t.plan_id = $2)
          AND ($3::text IS NULL OR t.draw_id = $3) AND ($4::text IS NULL OR t.state = $4)
        ORDER BY t.created_at DESC, t.id LIMIT 2000`,
      [filter.department ?? null, filter.planId ?? null, filter.drawId ?? null, filter.state ?? null],
    ) as Promise<Task[]>;
  }

  /** Cancels the open tasks of a draw and returns them. */
  async cancelOfDraw(manager: EntityManager, drawId: string): Promise<Task[]> {
    return manager.query(
      // In a WITH: TypeORM answers a bare UPDATE with [rows, count], a SELECT with the rows.
      `WITH t AS (UPDATE inspection.task SET state = 'cancelled' WHERE draw_id = $1 AND state <> 'cancelled'
         RETURNING *) SELECT ${TASK} FROM t`,
      [drawId],
    );
  }

  async setState(manager: EntityManager, id: string, state: TaskState): Promise<void> {
    await manager.query(`UPDATE inspection.task SET state = $2 WHERE id = $1`, [id, state]);
  }

  /**
   * Inspections (visits) of each enterprise in `year`, across all departments: the plans whose valid draw picked it
   * (a joint inspection is one visit).
   */
  async visits(manager: EntityManager, year: number, usccs?: readonly string[]): Promise<Map<string, string[]>> {
    const rows: { uscc: string; plans: string[] }[] = await manager.query(
      `SELECT uscc, array_agg(plan_id ORDER BY first) AS plans FROM (
         SELECT uscc, plan_id, min(created_at) AS first FROM inspection.task
          WHERE year = $1 AND state <> 'cancelled' AND ($2::char(18)[] IS NULL OR uscc = ANY($2::char(18)[]))
          GROUP BY uscc, plan_id) v GROUP BY uscc`,
      [year, usccs ?? null],
    );
    return new Map(rows.map((r) => [r.uscc, r.plans]));
  }

  /** Every inspection of one enterprise in a year, across all departments, with its result if any. */
  inspectionsOf(manager: EntityManager, uscc: string, year: number): Promise<Inspection[]> {
    return manager.query(
      `SELECT ${TASK}, p.title AS "planTitle", p.lead_department AS "leadDepartment", r.category,
          to_char(r.result_on, 'YYYY-MM-DD') AS "resultOn", r.published_at AS "publishedAt"
         FROM inspection.task t JOIN inspection.plan p ON p.id = t.plan_id
         LEFT JOIN inspection.result r ON r.task_id = t.id
        WHERE t.uscc = $1 AND t.year = $2 AND t.state <> 'cancelled' ORDER BY t.created_at, t.id`,
      [uscc, year],
    );
  }

  async upsertResult(manager: EntityManager, r: Omit<Result, 'publishedAt' | 'overdueNoticedAt'>, publish: boolean) {
    await manager.query(
      `INSERT INTO inspection.result AS r (task_id, category, findings, problems, rectification, follow_up, result_on,
         publication_due_on, recorded_by, channel, recorded_at, published_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, CASE WHEN $12 THEN $11::timestamptz END)
       ON CONFLICT (task_id) DO UPDATE SET category = excluded.category, findings = excluded.findings,
         problems = excluded.problems, rectification = excluded.rectification, follow_up = excluded.follow_up,
         result_on = excluded.result_on, publication_due_on = excluded.publication_due_on,
         recorded_by = excluded.recorded_by, channel = excluded.channel, recorded_at = excluded.recorded_at,
         published_at = coalesce(r.published_at, excluded.published_at)`,
      [
        r.taskId,
        r.category,
        r.findings,
        JSON.stringify(r.problems),
        r.rectification,
        r.followUp,
        r.resultOn,
        r.publicationDueOn,
        r.recordedBy,
        r.channel,
        r.recordedAt,
        publish,
      ],
    );
  }

  async findResult(manager: EntityManager, taskId: string): Promise<Result | null> {
    const rows: Result[] = await manager.query(`SELECT ${result('')} FROM inspection.result WHERE task_id = $1`, [
      taskId,
    ]);
    return rows[0] ?? null;
  }

  async publish(manager: EntityManager, taskId: string, at: Date): Promise<void> {
    await manager.query(`UPDATE inspection.result SET published_at = coalesce(published_at, $2) WHERE task_id = $1`, [
      taskId,
      at,
    ]);
  }

  /** Unpublished results past their deadline (`today` a CST date), of one department or all. */
  overdue(manager: EntityManager, today: string, department?: string): Promise<(Result & Task)[]> {
    return manager.query(
      `SELECT ${TASK}, ${result('r.')} FROM inspection.result r
         JOIN inspection.task t ON t.id = r.task_id
        WHERE r.published_at IS NULL AND r.publication_due_on < $1 AND ($2::text IS NULL OR t.department = $2)
        ORDER BY r.publication_due_on, t.id`,
      [today, department ?? null],
    );
  }

  /** Overdue results not noticed yet, locked for this pass (other replicas skip them). */
  dueForNotice(manager: EntityManager, today: string, limit: number): Promise<(Result & Task)[]> {
    return manager.query(
      `SELECT ${TASK}, r.category, to_char(r.result_on, 'YYYY-MM-DD') AS "resultOn",
          to_char(r.publication_due_on, 'YYYY-MM-DD') AS "publicationDueOn"
         FROM inspection.result r JOIN inspection.task t ON t.id = r.task_id
        WHERE r.published_at IS NULL AND r.overdue_noticed_at IS NULL AND r.publication_due_on < $1
        ORDER BY r.publication_due_on LIMIT $2 FOR UPDATE OF r SKIP LOCKED`,
      [today, limit],
    );
  }

  async markNoticed(manager: EntityManager, taskIds: readonly string[], at: Date): Promise<void> {
    if (taskIds.length === 0) return;
    await manager.query(`UPDATE inspection.result SET overdue_noticed_at = $2 WHERE task_id = ANY($1::text[])`, [
      taskIds,
      at,
    ]);
  }

  /** Tasks of the plan's standing draw with a result, of all of them. */
  async completion(
    manager: EntityManager,
    planId: string,
  ): Promise<{ tasks: number; done: number; rate: number | null }> {
    const [row]: { tasks: number; done: number }[] = await manager.query(
      `SELECT count(*)::int AS tasks, count(*) FILTER (WHERE state = 'done')::int AS done
         FROM inspection.task WHERE plan_id = $1 AND state <> 'cancelled'`,
      [planId],
    );
    return { tasks: row!.tasks, done: row!.done, rate: row!.tasks === 0 ? null : row!.done / row!.tasks };
  }

  /** Published results, newest first: of one enterprise, or of those whose code or name matches. */
  published(manager: EntityManager, filter: { q?: string; planId?: string }, limit: number) {
    const pattern = filter.q === undefined ? null : `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    return manager.query(
      `SELECT ${TASK}, e.name AS "enterpriseName", r.category, r.findings, r.problems, r.rectification,
          r.follow_up AS "followUp", to_char(r.result_on, 'YYYY-MM-DD') AS "resultOn", r.published_at AS "publishedAt"
         FROM inspection.result r JOIN inspection.task t ON t.id = r.task_id
         JOIN inspection.target e ON e.uscc = t.uscc
        WHERE r.published_at IS NOT NULL AND t.state <> 'cancelled'
          AND ($1::text IS NULL OR t.uscc = upper($2) OR e.name LIKE $1)
          AND ($3::text IS NULL OR t.plan_id = $3)
        ORDER BY r.published_at DESC, t.id LIMIT $4`,
      [pattern, filter.q ?? null, filter.planId ?? null, limit],
    ) as Promise<Record<string, unknown>[]>;
  }
}
