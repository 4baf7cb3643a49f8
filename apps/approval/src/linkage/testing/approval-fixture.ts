import { DataSource, EntityManager } from 'typeorm';
import { createEvent, LicenceGrantedV1, type CloudEvent } from '@hub/contracts';
import { demoUscc } from '@hub/demo';
import type { OutboxWriter } from '@hub/messaging';
import { Clock, WorkdayCalendar } from '@hub/workdays';
import { MatterVersion } from '../../matters/entities/matter-version.entity';
import { MattersRepository } from '../../matters/matters.repository';
import { Approval } from '../entities/approval.entity';
import { Push } from '../entities/push.entity';
import { RevocationRequest } from '../entities/revocation-request.entity';
import { TimelineEntry } from '../entities/timeline-entry.entity';
import { LinkageRepository } from '../linkage.repository';
import { DecisionData } from '../use-cases/receive-decision/receive-decision.use-case';

type Used<T> = Pick<T, { [K in keyof T]: T[K] extends (...args: never[]) => unknown ? K : never }[keyof T]>;

/**
 * The approval app's linkage tables and catalogue in memory, for the use cases' unit specs: the same answers as
 * the PostgreSQL repositories for what the use cases ask (the SQL itself is held by the integration and e2e specs).
 */
export class InMemoryLinkage implements Partial<Used<LinkageRepository>> {
  readonly approvals = new Map<string, Approval>();
  readonly pushes: Push[] = [];
  readonly timeline: TimelineEntry[] = [];
  readonly requests = new Map<string, RevocationRequest>();
  readonly matters: MatterVersion[] = [];

  async findApproval(_: EntityManager, approvalId: string) {
    const a = this.approvals.get(approvalId);
    return a ? { ...a } : null;
  }
  async insertApprovals(_: EntityManager, approvals: Approval[]) {
    for (const a of approvals) this.approvals.set(a.approvalId, { ...a });
  }
  async existingApprovals(_: EntityManager, ids: string[]) {
    return new Set(ids.filter((id) => this.approvals.has(id)));
  }
  async updateApproval(_: EntityManager, approvalId: string, change: Partial<Approval>) {
    Object.assign(this.approvals.get(approvalId) ?? {}, change);
  }
  async existingPushes(_: EntityManager, ids: string[]) {
    return new Set(ids.filter((id) => this.pushes.some((p) => p.pushId === id)));
  }
  async pushesOf(_: EntityManager, approvalId: string) {
    return this.pushes.filter((p) => p.approvalId === approvalId);
  }
  async insertPush(_: EntityManager, push: Push | Push[]) {
    for (const p of Array.isArray(push) ? push : [push])
      if (!this.pushes.some((q) => q.pushId === p.pushId)) this.pushes.push({ ...p });
  }
  async addTimeline(_: EntityManager, entries: TimelineEntry[]) {
    for (const e of entries) if (!this.timeline.some((t) => t.eventId === e.eventId)) this.timeline.push(e);
  }
  async openReturns(_: EntityManager, approvalId?: string) {
    return this.pushes.flatMap((p) => {
      const returned = this.timeline.find(
        (t) => t.approvalId === p.approvalId && t.department === p.department && t.kind === 'returned',
      );
      const replaced = this.pushes.some((r) => r.replacesPushId === p.pushId);
      if (!returned || replaced || (approvalId && p.approvalId !== approvalId)) return [];
      const reason = String(returned.detail.reason);
      return [{ ...p, push_id: p.pushId, approval_id: p.approvalId, returned_at: returned.at, reason }];
    });
  }
  async dueForNotice(_: EntityManager, now: Date, limit: number) {
    const due = (a: Approval) => a.state === 'unassigned' && a.nextNoticeAt !== null && a.nextNoticeAt <= now;
    return [...this.approvals.values()].filter(due).slice(0, limit);
  }
  async timelineOf(_: EntityManager, approvalId: string) {
    return this.timeline.filter((t) => t.approvalId === approvalId);
  }
  async progressOf(_: EntityManager, approvalId: string) {
    const kinds = (d: string) => this.timeline.filter((t) => t.approvalId === approvalId && t.department === d);
    const order = ['fed-back', 'supervised', 'claimed', 'pushed'] as const;
    const departments = new Set(this.pushes.filter((p) => p.approvalId === approvalId).map((p) => p.department));
    return new Map(
      [...departments].map((d) => {
        const seen = kinds(d).map((t) => t.kind as string);
        return [d, seen.includes('returned') ? 'returned' : (order.find((k) => seen.includes(k)) ?? 'pushed')] as const;
      }),
    );
  }
  async unassigned(_: EntityManager, limit: number) {
    return [...this.approvals.values()].filter((a) => a.state === 'unassigned').slice(0, limit);
  }
  async lockRevocationRequests() {}
  async addRevocationRequest(_: EntityManager, request: RevocationRequest) {
    if (!this.requests.has(request.requestId)) this.requests.set(request.requestId, { ...request });
  }
  async closeRevocationRequest(_: EntityManager, requestId: string, approvalId: string) {
    const request = this.requests.get(requestId);
    if (!request) return null;
    const before = { ...request };
    Object.assign(request, { state: 'revoked', revokedByApprovalId: approvalId });
    return before;
  }
  async revocationsOf(_: EntityManager, requestIds: string[]) {
    const receipts = this.timeline.filter(
      (t) => t.kind === 'received' && requestIds.includes(String(t.detail.revocationRequestId)),
    );
    return new Map(receipts.map((e) => [String(e.detail.revocationRequestId), e]));
  }

  /** MattersRepository.inForce: the highest version effective on or before `date`. */
  async inForce(_: EntityManager, matterCode: string, date: string) {
    const versions = this.matters.filter((m) => m.matterCode === matterCode && m.effectiveFrom <= date);
    return versions.sort((a, b) => b.version - a.version)[0] ?? null;
  }
}

/** What a use case is built with in a unit spec: tables in memory, a clock stopped at `now`, the outbox's events. */
export function approvalFixture(now: Date) {
  const tables = new InMemoryLinkage();
  const manager = {} as EntityManager;
  const sent: CloudEvent[] = [];
  const outbox = {
    enqueue: async (_: EntityManager, events: readonly CloudEvent[]) => void sent.push(...events),
  } as unknown as OutboxWriter;
  const clock = new Clock();
  clock.setFixed(now);
  return {
    tables,
    linkage: tables as unknown as LinkageRepository,
    catalogue: tables as unknown as MattersRepository,
    manager,
    outbox,
    clock,
    calendar: new WorkdayCalendar(),
    dataSource: {
      manager,
      transaction: (work: (m: EntityManager) => unknown) => work(manager),
    } as unknown as DataSource,
    sent,
  };
}

/** A version of the catalogue's 食品经营许可 (SPJ-SPJY-001). */
export function matter(version: number, effectiveFrom: string, change: Partial<MatterVersion> = {}): MatterVersion {
  return {
    matterCode: 'SPJ-SPJY-001',
    version,
    name: '食品经营许可',
    reformMode: 'commitment',
    category: null,
    effectiveFrom,
    pushWorkdays: 2,
    claimWorkdays: 2,
    supervisionWorkdays: 20,
    departments: ['SCJG'],
    changedBy: 'SPJ',
    changedAt: new Date(`${effectiveFrom}T00:00:00+08:00`),
    ...change,
  };
}

/** A grant of the 审批局 decided at `decidedAt`. */
export function grant(
  approvalId: string,
  decidedAt: Date,
  change: Partial<DecisionData> = {},
): CloudEvent<DecisionData> {
  return createEvent(
    LicenceGrantedV1,
    {
      uscc: demoUscc(2),
      approvalId,
      matterCode: 'SPJ-SPJY-001',
      licenceNo: 'JY11308000000002',
      decidedAt: decidedAt.toISOString(),
      ...change,
    },
    { source: '/departments/SPJ' },
  ) as CloudEvent<DecisionData>;
}

export const cst = (local: string): Date => new Date(`${local}+08:00`);
