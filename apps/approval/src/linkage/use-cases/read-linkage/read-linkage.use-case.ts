import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { LINKAGE_ID, entitledToPersonalData, maskValue } from '@hub/contracts';
import { ProblemException } from '@hub/platform';
import { Clock } from '@hub/workdays';
import { RevocationRequest } from '../../entities/revocation-request.entity';
import { TIMELINE_KINDS } from '../../entities/timeline-entry.entity';
import { LinkageRepository } from '../../linkage.repository';
import { OFFICER_STEPS } from '../../timeline';

/** What people ask of the linkage: an approval's timeline, the coordinator's queue, open revocation requests. */
@Injectable()
export class ReadLinkage {
  constructor(
    private readonly dataSource: DataSource,
    private readonly linkage: LinkageRepository,
    private readonly clock: Clock,
  ) {}

  /** Any department may read it; the officers who acted are masked except for their own department (可用不可见). */
  async timeline(approvalId: string, caller: string) {
    if (!LINKAGE_ID.test(approvalId)) {
      throw new ProblemException(400, 'invalid-request', 'the approval id is invalid', [
        { field: 'approvalId', rule: 'matches', message: 'approvalId must be 1-64 letters, digits or ._:-' },
      ]);
    }
    const manager = this.dataSource.manager;
    const approval = await this.linkage.findApproval(manager, approvalId);
    // Steps recorded at the same instant (a result and its feedback) keep the loop's order.
    const timeline = (await this.linkage.timelineOf(manager, approvalId)).sort(
      (a, b) => a.at.getTime() - b.at.getTime() || TIMELINE_KINDS.indexOf(a.kind) - TIMELINE_KINDS.indexOf(b.kind),
    );
    if (!approval && timeline.length === 0) throw new ProblemException(404, 'not-found', `no approval ${approvalId}`);
    const progress = await this.linkage.progressOf(manager, approvalId);
    const pushes = (await this.linkage.pushesOf(manager, approvalId)).map((p) => ({
      ...p,
      progress: progress.get(p.department) ?? 'pushed',
    }));
    return {
      approval,
      pushes,
      timeline: timeline.map((t) => ({
        at: t.at,
        kind: t.kind,
        department: t.department,
        actor:
          OFFICER_STEPS.has(t.kind) && !entitledToPersonalData(caller, t.department)
            ? maskValue('identifier', t.actor)
            : t.actor,
        detail: t.detail,
        eventId: t.eventId,
      })),
    };
  }

  /** The coordinator's queue: approvals nobody is responsible for, and returned pushes waiting to be re-routed. */
  async coordinationQueue(asOf?: string) {
    const now = asOf ? new Date(asOf) : this.clock.now();
    const manager = this.dataSource.manager;
    const unassigned = await this.linkage.unassigned(manager, 1_000);
    const returned = await this.linkage.openReturns(manager);
    return {
      asOf: now.toISOString(),
      unassigned: unassigned.map((a) => ({
        approvalId: a.approvalId,
        uscc: a.uscc,
        matterCode: a.matterCode,
        matterName: a.matterName,
        decidedAt: a.decidedAt,
        pushDueDate: a.pushDueDate,
        pushDueAt: a.pushDueAt,
        provisional: a.pushDueProvisional,
        overdue: a.pushDueAt.getTime() <= now.getTime(),
        noticeStage: a.noticeStage,
      })),
      returned: returned.map((r) => ({
        approvalId: r.approval_id,
        uscc: r.uscc,
        pushId: r.push_id,
        department: r.department,
        returnedAt: r.returned_at,
        reason: r.reason,
      })),
    };
  }

  revocationRequests(state?: 'open' | 'revoked'): Promise<RevocationRequest[]> {
    return this.linkage.revocationRequests(this.dataSource.manager, state);
  }
}
