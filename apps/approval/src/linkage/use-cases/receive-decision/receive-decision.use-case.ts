import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import {
  CloudEvent,
  LicenceDecision,
  LicenceDecisionBase,
  LicenceGrantedV1Payload,
  LicenceRevokedV1Payload,
  LicenceUnassignedV1,
  createEvent,
  stableId,
} from '@hub/contracts';
import { OutboxWriter } from '@hub/messaging';
import { cstDate, deadlineSchedule, DeadlineSchedule, nextNoticeAt, WorkdayCalendar } from '@hub/workdays';
import { MatterVersion } from '../../../matters/entities/matter-version.entity';
import { MattersRepository } from '../../../matters/matters.repository';
import { Approval } from '../../entities/approval.entity';
import { Push } from '../../entities/push.entity';
import { TimelineEntry } from '../../entities/timeline-entry.entity';
import { LinkageRepository } from '../../linkage.repository';
import { APPROVAL_BUREAU } from '../../linkage.types';
import { makePush, SOURCE } from '../../make-push';
import { entry, pushedEntry, revokedEntry } from '../../timeline';

/** Used when the matter is not in the catalogue at all: the GLOSSARY's time limits seen in practice. */
export const DEFAULT_LIMITS = { pushWorkdays: 2, claimWorkdays: 2, supervisionWorkdays: 20 };

export type DecisionData = LicenceDecisionBase &
  Partial<Pick<LicenceGrantedV1Payload, 'commitments'>> &
  Partial<Pick<LicenceRevokedV1Payload, 'revocationRequestId'>>;

/** What one batch of decisions writes, a statement per table; `known` and `matters` spare it round trips. */
interface DecisionBatch {
  /** Approvals already received, by 审批件号 (in the database or earlier in this batch). */
  known: Set<string>;
  matters: Map<string, MatterVersion | null>;
  approvals: Approval[];
  pushes: Push[];
  timeline: TimelineEntry[];
  events: CloudEvent[];
}

/**
 * 双推送: every decision of the 审批局 reaches each supervising department that the catalogue version in force on
 * the decision date lists, or waits for the coordinator (unassigned) with its push limit already running.
 */
@Injectable()
export class ReceiveDecision {
  constructor(
    private readonly linkage: LinkageRepository,
    private readonly catalogue: MattersRepository,
    private readonly outbox: OutboxWriter,
    @Inject(WorkdayCalendar) private readonly calendar: WorkdayCalendar,
  ) {}

  /**
   * Applies decisions in order; a decision already received (by its 审批件号) changes nothing. `receivedAt` is
   * when each reached the hub (its Kafka timestamp): the push time, so that a replay pushes at the very same instant.
   */
  async receive(manager: EntityManager, events: CloudEvent<DecisionData>[], receivedAt: Date[]): Promise<void> {
    // One round trip per table for the whole batch: the consumer hands over hundreds of decisions at once.
    const known = await this.linkage.existingApprovals(
      manager,
      events.map((e) => e.data!.approvalId),
    );
    const batch: DecisionBatch = { known, matters: new Map(), approvals: [], pushes: [], timeline: [], events: [] };
    for (const [i, event] of events.entries()) {
      const data = event.data!;
      if (batch.known.has(data.approvalId)) continue;
      batch.known.add(data.approvalId);
      const approval = await this.approvalOf(manager, batch, event);
      await this.record(manager, batch, event, approval.row, approval.pushDue, approval.departments, receivedAt[i]);
    }
    await this.linkage.insertApprovals(manager, batch.approvals);
    await this.linkage.insertPush(manager, batch.pushes);
    await this.linkage.addTimeline(manager, batch.timeline);
    await this.outbox.enqueue(manager, batch.events);
  }

  /** The approval as received, by the catalogue version in force on its decision date (CST). */
  private async approvalOf(manager: EntityManager, batch: DecisionBatch, event: CloudEvent<DecisionData>) {
    const data = event.data!;
    const decidedAt = new Date(data.decidedAt);
    const matterKey = `${data.matterCode}\u0000${cstDate(decidedAt)}`;
    if (!batch.matters.has(matterKey)) {
      batch.matters.set(matterKey, await this.catalogue.inForce(manager, data.matterCode, cstDate(decidedAt)));
    }
    const matter = batch.matters.get(matterKey) ?? null;
    const limits = matter ?? DEFAULT_LIMITS;
    const pushDue = deadlineSchedule(this.calendar, decidedAt, limits.pushWorkdays);
    const departments = matter?.departments ?? [];
    const row: Approval = {
      approvalId: data.approvalId,
      uscc: data.uscc,
      decision: decisionOf(event.type),
      matterCode: data.matterCode,
      matterName: matter?.name ?? `未列入目录的事项 ${data.matterCode}`,
      matterVersion: matter?.version ?? null,
      reformMode: matter?.reformMode ?? 'ordinary',
      licenceNo: data.licenceNo,
      decidedAt,
      commitments: data.commitments ?? null,
      state: departments.length > 0 ? 'assigned' : 'unassigned',
      pushDueDate: pushDue.dueDate,
      pushDueAt: pushDue.dueAt,
      pushDueProvisional: pushDue.provisional,
      supervisionWorkdays: limits.supervisionWorkdays,
      claimWorkdays: limits.claimWorkdays,
      noticeStage: 'none',
      nextNoticeAt: departments.length > 0 ? null : (nextNoticeAt(pushDue, 'none') ?? null),
      eventId: event.id,
    };
    return { row, pushDue, departments };
  }

  /** Its receipt (closing the revocation request it answers), then its pushes, or its wait for the coordinator. */
  private async record(
    manager: EntityManager,
    batch: DecisionBatch,
    event: CloudEvent<DecisionData>,
    approval: Approval,
    pushDue: DeadlineSchedule,
    departments: string[],
    receivedAt: Date,
  ): Promise<void> {
    const data = event.data!;
    batch.approvals.push(approval);
    const received = entry(event.id, approval, 'received', approval.decidedAt, null, APPROVAL_BUREAU, {
      decision: approval.decision,
      licenceNo: data.licenceNo,
      matterCode: data.matterCode,
      // Kept so that a request read after the revocation answering it (a replay) is closed then: see RecordFeedback.
      ...(data.revocationRequestId ? { revocationRequestId: data.revocationRequestId } : {}),
    });
    batch.timeline.push(received);
    if (data.revocationRequestId) {
      const request = await this.linkage.closeRevocationRequest(manager, data.revocationRequestId, data.approvalId);
      if (request) batch.timeline.push(revokedEntry(received, request));
    }
    if (departments.length === 0) {
      const unassigned = createEvent(
        LicenceUnassignedV1,
        {
          uscc: data.uscc,
          approvalId: data.approvalId,
          matterCode: data.matterCode,
          licenceNo: data.licenceNo,
          decidedAt: data.decidedAt,
          decision: approval.decision,
          matterName: approval.matterName,
          pushDueDate: pushDue.dueDate,
          pushDueAt: pushDue.dueAt.toISOString(),
          pushDueProvisional: pushDue.provisional,
        },
        { source: SOURCE, id: stableId('unassigned', data.approvalId), correlationid: event.id, causationid: event.id },
      );
      batch.timeline.push(
        entry(unassigned.id, approval, 'unassigned', receivedAt, null, 'approval', { pushDueDate: pushDue.dueDate }),
      );
      batch.events.push(unassigned);
      return;
    }
    for (const department of departments) {
      const made = makePush(this.calendar, approval, department, receivedAt, {}, event.id);
      batch.pushes.push(made.push);
      batch.timeline.push(pushedEntry(approval, made));
      batch.events.push(made.event);
    }
  }
}

export function decisionOf(type: string): LicenceDecision {
  const verb = type.split('.')[3];
  if (verb === 'granted' || verb === 'changed' || verb === 'renewed' || verb === 'revoked' || verb === 'cancelled')
    return verb;
  throw new Error(`${type} is not a licence decision`);
}
