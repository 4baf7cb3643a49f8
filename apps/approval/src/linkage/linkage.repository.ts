import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { insertSet } from '@hub/persistence';
import { Approval } from './entities/approval.entity';
import { Push } from './entities/push.entity';
import { RevocationRequest } from './entities/revocation-request.entity';
import { TimelineEntry } from './entities/timeline-entry.entity';

export type PushProgress = 'pushed' | 'claimed' | 'returned' | 'supervised' | 'fed-back';

/** The approval app's linkage tables; every call runs in the caller's transaction. */
@Injectable()
export class LinkageRepository {
  findApproval(manager: EntityManager, approvalId: string, lock = false): Promise<Approval | null> {
    return manager.findOne(Approval, {
      where: { approvalId },
      ...(lock ? { lock: { mode: 'pessimistic_write' } } : {}),
    });
  }

  async insertApprovals(manager: EntityManager, approvals: Approval[]): Promise<void> {
    await insertSet(manager, Approval, approvals);
  }

  /** Which of these 审批件号 have been received already. */
  async existingApprovals(manager: EntityManager, approvalIds: string[]): Promise<Set<string>> {
    const rows: { approval_id: string }[] = await manager.query(
      `SELECT approval_id FROM "approval"."approval" WHERE approval_id = ANY($1)`,
      [approvalIds],
    );
    return new Set(rows.map((r) => r.approval_id));
  }

  async updateApproval(manager: EntityManager, approvalId: string, change: Partial<Approval>): Promise<void> {
    await manager.update(Approval, { approvalId }, change);
  }

  async existingPushes(manager: EntityManager, pushIds: string[]): Promise<Set<string>> {
    const rows: { push_id: string }[] = await manager.query(
      `SELECT push_id FROM "approval"."push" WHERE push_id = ANY($1)`,
      [pushIds],
    );
    return new Set(rows.map((r) => r.push_id));
  }

  pushesOf(manager: EntityManager, approvalId: string): Promise<Push[]> {
    return manager.find(Push, { where: { approvalId }, order: { pushedAt: 'ASC' } });
  }

  /** Adds pushes; a push already recorded is left as it is. */
  async insertPush(manager: EntityManager, push: Push | Push[]): Promise<void> {
    await insertSet(manager, Push, Array.isArray(push) ? push : [push], { onConflict: 'ON CONFLICT DO NOTHING' });
  }

  /** Adds timeline entries; an entry already recorded (same event) is left as it is. */
  async addTimeline(manager: EntityManager, entries: TimelineEntry[]): Promise<void> {
    await insertSet(manager, TimelineEntry, entries, { onConflict: 'ON CONFLICT DO NOTHING' });
  }

  timelineOf(manager: EntityManager, approvalId: string): Promise<TimelineEntry[]> {
    return manager.find(TimelineEntry, { where: { approvalId }, order: { at: 'ASC', eventId: 'ASC' } });
  }

  /** Each push's progress from its timeline: returned is final; otherwise the furthest step reached. */
  async progressOf(manager: EntityManager, approvalId: string): Promise<Map<string, PushProgress>> {
    const rows: { department: string; kinds: string[] }[] = await manager.query(
      `SELECT department, array_agg(DISTINCT kind) AS kinds FROM "approval"."timeline_entry"
        WHERE approval_id = $1 AND department IS NOT NULL GROUP BY department`,
      [approvalId],
    );
    const order: PushProgress[] = ['fed-back', 'supervised', 'claimed', 'pushed'];
    return new Map(
      rows.map((r) => [
        r.department,
        r.kinds.includes('returned') ? 'returned' : (order.find((k) => r.kinds.includes(k)) ?? 'pushed'),
      ]),
    );
  }

  /** Returned pushes of the approval that no later push replaces: they wait for the coordinator. */
  openReturns(
    manager: EntityManager,
    approvalId?: string,
  ): Promise<
    { push_id: string; approval_id: string; uscc: string; department: string; returned_at: Date; reason: string }[]
  > {
    return manager.query(
      `SELECT p.push_id, p.approval_id, p.uscc, p.department, t.at AS returned_at, t.detail->>'reason' AS reason
         FROM "approval"."push" p
         JOIN "approval"."timeline_entry" t
           ON t.approval_id = p.approval_id AND t.department = p.department AND t.kind = 'returned'
        WHERE ($1::text IS NULL OR p.approval_id = $1)
          AND NOT EXISTS (SELECT 1 FROM "approval"."push" r WHERE r.replaces_push_id = p.push_id)
        ORDER BY t.at`,
      [approvalId ?? null],
    );
  }

  unassigned(manager: EntityManager, limit: number): Promise<Approval[]> {
    return manager.find(Approval, { where: { state: 'unassigned' }, order: { pushDueAt: 'ASC' }, take: limit });
  }

  /** Unassigned approvals whose next notice is due, locked so that another replica's scheduler skips them. */
  dueForNotice(manager: EntityManager, now: Date, limit: number): Promise<Approval[]> {
    return manager
      .createQueryBuilder(Approval, 'a')
      .where(`a.state = 'unassigned' AND a.next_notice_at <= :now`, { now })
      .orderBy('a.next_notice_at')
      .limit(limit)
      .setLock('pessimistic_write')
      .setOnLocked('skip_locked')
      .getMany();
  }

  async addRevocationRequest(manager: EntityManager, request: RevocationRequest): Promise<void> {
    await manager.createQueryBuilder().insert().into(RevocationRequest).values(request).orIgnore().execute();
  }

  /**
   * Serialises, until the transaction ends, the two transactions that may meet over a revocation request: the request
   * read (FeedbackService) and the decision that answers it. Each checks for the other; without the lock, both could
   * check before either commits, and the request would stay open.
   */
  async lockRevocationRequests(manager: EntityManager, requestIds: readonly string[]): Promise<void> {
    if (requestIds.length === 0) return;
    await manager.query(
      `SELECT pg_advisory_xact_lock(hashtextextended('revocation-request:' || id, 0))
         FROM (SELECT DISTINCT unnest($1::text[]) AS id ORDER BY 1) AS ids`,
      [requestIds],
    );
  }

  /** Returns the closed request, or null when there was none open with that id. */
  async closeRevocationRequest(
    manager: EntityManager,
    requestId: string,
    approvalId: string,
  ): Promise<RevocationRequest | null> {
    await this.lockRevocationRequests(manager, [requestId]);
    const request = await manager.findOneBy(RevocationRequest, { requestId });
    if (!request) return null;
    await manager.update(RevocationRequest, { requestId }, { state: 'revoked', revokedByApprovalId: approvalId });
    return request;
  }

  /** Receipts of decisions that revoke on these requests (their `received` entries), by request id. */
  async revocationsOf(manager: EntityManager, requestIds: string[]): Promise<Map<string, TimelineEntry>> {
    if (requestIds.length === 0) return new Map();
    const entries = await manager
      .createQueryBuilder(TimelineEntry, 't')
      .where(`t.kind = 'received' AND t.detail->>'revocationRequestId' = ANY(:ids)`, { ids: requestIds })
      .getMany();
    return new Map(entries.map((e) => [String(e.detail.revocationRequestId), e]));
  }

  revocationRequests(manager: EntityManager, state?: string): Promise<RevocationRequest[]> {
    return manager.find(RevocationRequest, {
      where: state ? { state: state as RevocationRequest['state'] } : {},
      order: { requestedAt: 'ASC' },
    });
  }
}
