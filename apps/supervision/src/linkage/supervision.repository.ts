import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { insertSet, updateSet } from '@hub/persistence';
import type { DepartmentStats } from '@hub/sdk';
import { SupervisedPush } from './entities/supervised-push.entity';
import { SupervisionAction } from './entities/supervision-action.entity';

/** The supervision app's pushes and actions; every call takes the caller's transaction. */
@Injectable()
export class SupervisionRepository {
  find(manager: EntityManager, approvalId: string, department: string, lock = false): Promise<SupervisedPush | null> {
    return manager.findOne(SupervisedPush, {
      where: { approvalId, department },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
  }

  /** The rows of these (approval, department) pairs, locked, keyed `approvalId\u0000department`. */
  async findMany(manager: EntityManager, keys: [string, string][]): Promise<Map<string, SupervisedPush>> {
    if (keys.length === 0) return new Map();
    const rows = await manager
      .createQueryBuilder(SupervisedPush, 'p')
      .where('(p.approval_id, p.department) IN (SELECT * FROM unnest(:ids::text[], :departments::text[]))', {
        ids: keys.map((k) => k[0]),
        departments: keys.map((k) => k[1]),
      })
      // Locked in one order by every caller (consumers and claims alike), so that two batches cannot deadlock.
      .orderBy('p.approval_id')
      .addOrderBy('p.department')
      .setLock('pessimistic_write')
      .getMany();
    return new Map(rows.map((r) => [`${r.approvalId}\u0000${r.department}`, r]));
  }

  async insert(manager: EntityManager, row: Partial<SupervisedPush>): Promise<void> {
    await manager.insert(SupervisedPush, row as QueryDeepPartialEntity<SupervisedPush>);
  }

  /** Inserts the rows in one statement. */
  async insertMany(manager: EntityManager, rows: Partial<SupervisedPush>[]): Promise<void> {
    await insertSet(manager, SupervisedPush, rows);
  }

  /** Updates each row (found by approval and department) with what it gives: a statement per shape of change. */
  async updateMany(manager: EntityManager, rows: Partial<SupervisedPush>[]): Promise<void> {
    await updateSet(manager, SupervisedPush, ['approvalId', 'department'], rows);
  }

  async update(
    manager: EntityManager,
    approvalId: string,
    department: string,
    change: Partial<SupervisedPush>,
  ): Promise<void> {
    await manager.update(SupervisedPush, { approvalId, department }, change as QueryDeepPartialEntity<SupervisedPush>);
  }

  async remove(manager: EntityManager, approvalId: string, department: string): Promise<void> {
    await manager.delete(SupervisedPush, { approvalId, department });
  }

  /** Claims held for a push that has not come by `now`, locked for this pass (other replicas skip them). */
  heldUntil(manager: EntityManager, now: Date, limit: number): Promise<SupervisedPush[]> {
    return manager
      .createQueryBuilder(SupervisedPush, 'p')
      .where(`p.state = 'held' AND p.held_until <= :now`, { now })
      .orderBy('p.held_until')
      .limit(limit)
      .setLock('pessimistic_write')
      .setOnLocked('skip_locked')
      .getMany();
  }

  async setRevocationRequest(manager: EntityManager, actionId: string, requestId: string): Promise<void> {
    await manager.update(SupervisionAction, { actionId }, { revocationRequestId: requestId });
  }

  /** Returns false when the action was recorded already. */
  async addAction(manager: EntityManager, action: SupervisionAction): Promise<boolean> {
    if (await manager.existsBy(SupervisionAction, { actionId: action.actionId })) return false;
    await manager.insert(SupervisionAction, action);
    return true;
  }

  dueForNotice(manager: EntityManager, now: Date, limit: number): Promise<SupervisedPush[]> {
    return manager
      .createQueryBuilder(SupervisedPush, 'p')
      .where(`p.next_notice_at <= :now AND p.state IN ('pushed', 'claimed')`, { now })
      .orderBy('p.next_notice_at')
      .limit(limit)
      .setLock('pessimistic_write')
      .setOnLocked('skip_locked')
      .getMany();
  }

  ledger(manager: EntityManager, department: string, states: string[]): Promise<SupervisedPush[]> {
    return manager
      .createQueryBuilder(SupervisedPush, 'p')
      .where('p.department = :department AND p.state IN (:...states)', { department, states })
      .orderBy('p.pushed_at', 'ASC', 'NULLS LAST')
      .getMany();
  }

  /** Claim rate, median claim time and overdue count per department, as of `now`. */
  async stats(manager: EntityManager, now: Date, department?: string): Promise<DepartmentStats[]> {
    const rows: { department: string; pushed: number; claimed: number; median: number | null; overdue: number }[] =
      await manager.query(
        `SELECT department,
              count(*) FILTER (WHERE pushed_at IS NOT NULL)::int AS pushed,
              count(*) FILTER (WHERE pushed_at IS NOT NULL AND claimed_at IS NOT NULL)::int AS claimed,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM claimed_at - pushed_at))
                FILTER (WHERE pushed_at IS NOT NULL AND claimed_at IS NOT NULL) AS median,
              count(*) FILTER (WHERE (state = 'pushed' AND claim_due_at <= $1)
                                  OR (state = 'claimed' AND supervision_due_at <= $1))::int AS overdue
         FROM "supervision"."push"
        WHERE ($2::text IS NULL OR department = $2)
        GROUP BY department ORDER BY department`,
        [now, department ?? null],
      );
    return rows.map((r) => ({
      department: r.department,
      pushed: r.pushed,
      claimed: r.claimed,
      claimRate: r.pushed > 0 ? r.claimed / r.pushed : null,
      // A claim may precede its push (双推送), which makes its claim time negative: it counts as instant.
      medianClaimSeconds: r.median === null ? null : Math.max(0, Math.round(Number(r.median))),
      overdue: r.overdue,
    }));
  }
}
