import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import {
  CloudEvent,
  EventTypeDefinition,
  LicenceDecision,
  LicenceDecisionBase,
  LicenceGrantedV1Payload,
  LicencePushEscalatedV1,
  LicencePushOverdueV1,
  LicencePushRemindedV1,
  LicencePushedV1,
  LicencePushedV1Payload,
  LicenceRevokedV1Payload,
  LicenceUnassignedV1,
  DeadlineNoticeV1Payload,
  NotifiedParty,
  createEvent,
  stableId,
} from '@hub/contracts';
import { OutboxWriter } from '@hub/messaging';
import { ProblemException } from '@hub/platform';
import {
  Clock,
  cstDate,
  DeadlineSchedule,
  deadlineSchedule,
  nextNoticeAt,
  noticesDue,
  NoticeStage,
  scheduleForDue,
  WorkdayCalendar,
} from '@hub/workdays';
import { MatterVersion } from '../matters/entities/matter-version.entity';
import { MattersRepository } from '../matters/matters.repository';
import { Approval } from './entities/approval.entity';
import { Push } from './entities/push.entity';
import { RevocationRequest } from './entities/revocation-request.entity';
import { TimelineEntry, TimelineKind } from './entities/timeline-entry.entity';
import { LinkageRepository } from './linkage.repository';
import { APPROVAL_BUREAU, COORDINATORS } from './linkage.types';


const SOURCE = '/apps/approval';
/** Used when the matter is not in the catalogue at all: the GLOSSARY's time limits seen in practice. */
const DEFAULT_LIMITS = { pushWorkdays: 2, claimWorkdays: 2, supervisionWorkdays: 20 };
const NOTICE_TYPES: Record<Exclude<NoticeStage, 'none'>, EventTypeDefinition<DeadlineNoticeV1Payload>> = {
  reminded: LicencePushRemindedV1,
  overdue: LicencePushOverdueV1,
  escalated: LicencePushEscalatedV1,
};

type DecisionData = LicenceDecisionBase &
  Partial<Pick<LicenceGrantedV1Payload, 'commitments'>> &
  Partial<Pick<LicenceRevokedV1Payload, 'revocationRequestId'>>;

/** 双推送: every decision of the 审批局 reaches each supervising department, or waits for the coordinator. */
@Injectable()
export class LinkageService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
    @Inject(WorkdayCalendar) private readonly calendar: WorkdayCalendar,
  ) {}

  /** Applies decisions of the 审批局 in order; a decision already received (by its 审批件号) changes nothing. */
  async receiveDecisions(
    manager: EntityManager,
    events: CloudEvent<DecisionData>[],
    receivedAt: Date[],
  ): Promise<void> {
    // One round trip per table for the whole batch: the consumer hands over hundreds of decisions at once.
    const known = await LinkageRepository.existingApprovals(
      manager,
      events.map((e) => e.data!.approvalId),
    );
    const batch: DecisionBatch = { known, matters: new Map(), approvals: [], pushes: [], timeline: [], events: [] };
    for (const [i, event] of events.entries()) {
      await this.receiveDecision(manager, batch, event, decisionOf(event.type), receivedAt[i]);
    }
    await LinkageRepository.insertApprovals(manager, batch.approvals);
    await LinkageRepository.insertPush(manager, batch.pushes);
    await LinkageRepository.addTimeline(manager, batch.timeline);
    await this.outbox.enqueue(manager, batch.events);
  }

  /**
   * `receivedAt` is when the decision reached the hub (its Kafka timestamp): the push time, so that a replay
   * pushes at the very same instant as the first time.
   */
  private async receiveDecision(
    manager: EntityManager,
    batch: DecisionBatch,
    event: CloudEvent<DecisionData>,
    decision: LicenceDecision,
    receivedAt: Date,
  ): Promise<void> {
    const data = event.data!;
    if (batch.known.has(data.approvalId)) return;
    batch.known.add(data.approvalId);
    const decidedAt = new Date(data.decidedAt);
    const matterKey = `${data.matterCode}\u0000${cstDate(decidedAt)}`;
    if (!batch.matters.has(matterKey)) {
      batch.matters.set(matterKey, await MattersRepository.inForce(manager, data.matterCode, cstDate(decidedAt)));
    }
    const matter = batch.matters.get(matterKey) ?? null;
    const limits = matter ?? DEFAULT_LIMITS;
    const pushDue = deadlineSchedule(this.calendar, decidedAt, limits.pushWorkdays);
    const departments = matter?.departments ?? [];
    const approval: Approval = {
      approvalId: data.approvalId,
      uscc: data.uscc,
      decision,
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
    batch.approvals.push(approval);
    const received = entry(event.id, approval, 'received', decidedAt, null, APPROVAL_BUREAU, {
      decision,
      licenceNo: data.licenceNo,
      matterCode: data.matterCode,
      // Kept so that a request read after the revocation answering it (a replay) is closed then: see FeedbackService.
      ...(data.revocationRequestId ? { revocationRequestId: data.revocationRequestId } : {}),
    });
    const timeline: TimelineEntry[] = [received];
    if (data.revocationRequestId) {
      const request = await LinkageRepository.closeRevocationRequest(
        manager,
        data.revocationRequestId,
        data.approvalId,
      );
      if (request) timeline.push(revokedEntry(received, request));
    }
    batch.timeline.push(...timeline);
    if (departments.length === 0) {
      const unassigned = createEvent(
        LicenceUnassignedV1,
        {
          uscc: data.uscc,
          approvalId: data.approvalId,
          matterCode: data.matterCode,
          licenceNo: data.licenceNo,
          decidedAt: data.decidedAt,
          decision,
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
      const made = this.push(approval, department, receivedAt, {}, event.id);
      batch.pushes.push(made.push);
      batch.timeline.push(pushedEntry(approval, made));
      batch.events.push(made.event);
    }
  }

  /** The coordinator assigns an unassigned approval, or re-routes a returned push, to a department. */
  async assign(approvalId: string, department: string, coordinator: string, note?: string): Promise<Push> {
    return this.dataSource.transaction(async (manager) => {
      const approval = await LinkageRepository.findApproval(manager, approvalId, true);
      if (!approval) throw new ProblemException(404, 'not-found', `no approval ${approvalId}`);
      const pushes = await LinkageRepository.pushesOf(manager, approvalId);
      if (pushes.some((p) => p.department === department)) {
        throw new ProblemException(409, 'conflict', `approval ${approvalId} was already pushed to ${department}`, [
          { field: 'department', rule: 'notPushedBefore', message: `${department} has had this approval already` },
        ]);
      }
      let replaces: string | undefined;
      if (approval.state !== 'unassigned') {
        const [open] = await LinkageRepository.openReturns(manager, approvalId);
        if (!open)
          throw new ProblemException(409, 'conflict', `approval ${approvalId} is neither unassigned nor returned`);
        replaces = open.push_id;
      }
      const made = this.push(
        approval,
        department,
        this.clock.now(),
        { assignedBy: coordinator, replaces, note },
        approval.eventId,
      );
      await LinkageRepository.updateApproval(manager, approvalId, { state: 'assigned', nextNoticeAt: null });
      await this.commitPushes(manager, approval, [made]);
      return made.push;
    });
  }

  private push(
    approval: Approval,
    department: string,
    pushedAt: Date,
    options: { assignedBy?: string; replaces?: string; note?: string },
    causation: string,
  ): { push: Push; event: CloudEvent<LicencePushedV1Payload> } {
    const pushId = stableId('push', approval.approvalId, department);
    const claimDue = this.calendar.addWorkdays(pushedAt, approval.claimWorkdays);
    const push: Push = {
      pushId,
      approvalId: approval.approvalId,
      uscc: approval.uscc,
      department,
      pushedAt,
      claimDueAt: claimDue.dueAt,
      assignedBy: options.assignedBy ?? null,
      replacesPushId: options.replaces ?? null,
    };
    const event = createEvent(
      LicencePushedV1,
      {
        uscc: approval.uscc,
        approvalId: approval.approvalId,
        matterCode: approval.matterCode,
        licenceNo: approval.licenceNo,
        decidedAt: approval.decidedAt.toISOString(),
        pushId,
        decision: approval.decision,
        matterName: approval.matterName,
        reformMode: approval.reformMode,
        department,
        pushedAt: pushedAt.toISOString(),
        claimDueDate: claimDue.dueDate,
        claimDueAt: claimDue.dueAt.toISOString(),
        claimDueProvisional: claimDue.provisional,
        supervisionWorkdays: approval.supervisionWorkdays,
        ...(approval.commitments ? { commitments: approval.commitments } : {}),
        ...(options.assignedBy ? { assignedBy: options.assignedBy } : {}),
        ...(options.replaces ? { replacesPushId: options.replaces } : {}),
        ...(options.note ? { note: options.note } : {}),
      },
      { source: SOURCE, id: stableId('pushed', pushId), correlationid: approval.eventId, causationid: causation },
    );
    return { push, event };
  }

  private async commitPushes(
    manager: EntityManager,
    approval: Approval,
    pushes: { push: Push; event: CloudEvent<LicencePushedV1Payload> }[],
  ): Promise<void> {
    await LinkageRepository.insertPush(
      manager,
      pushes.map((p) => p.push),
    );
    await LinkageRepository.addTimeline(
      manager,
      pushes.map((made) => pushedEntry(approval, made)),
    );
    await this.outbox.enqueue(
      manager,
      pushes.map((p) => p.event),
    );
  }

  /**
   * The app's own pushes read back from Kafka. Live they are already recorded; replayed into an empty schema they
   * restore the coordinator's assignments exactly as they were made.
   */
  async applyOwnPushes(manager: EntityManager, events: CloudEvent<LicencePushedV1Payload>[]): Promise<void> {
    const known = await LinkageRepository.existingPushes(
      manager,
      events.map((e) => e.data!.pushId),
    );
    for (const event of events) {
      const d = event.data!;
      if (known.has(d.pushId)) continue;
      known.add(d.pushId);
      const approval = await LinkageRepository.findApproval(manager, d.approvalId);
      if (!approval) continue; // its decision comes first on the same partition; nothing to attach to otherwise
      const push: Push = {
        pushId: d.pushId,
        approvalId: d.approvalId,
        uscc: d.uscc,
        department: d.department,
        pushedAt: new Date(d.pushedAt),
        claimDueAt: new Date(d.claimDueAt),
        assignedBy: d.assignedBy ?? null,
        replacesPushId: d.replacesPushId ?? null,
      };
      await LinkageRepository.insertPush(manager, push);
      await LinkageRepository.updateApproval(manager, d.approvalId, { state: 'assigned', nextNoticeAt: null });
      await LinkageRepository.addTimeline(manager, [
        entry(event.id, approval, 'pushed', push.pushedAt, d.department, d.assignedBy ?? 'approval', {
          pushId: d.pushId,
          claimDueAt: d.claimDueAt,
          ...(d.replacesPushId ? { replacesPushId: d.replacesPushId } : {}),
        }),
      ]);
    }
  }

  /** Push-deadline notices of the app's own, read back (replay) or just sent: the stage only moves forward. */
  async applyOwnNotices(
    manager: EntityManager,
    event: CloudEvent<DeadlineNoticeV1Payload>,
    stage: Exclude<NoticeStage, 'none'>,
  ): Promise<void> {
    const d = event.data!;
    const approval = await LinkageRepository.findApproval(manager, d.approvalId);
    if (!approval) return;
    const schedule = scheduleForDue(this.calendar, {
      dueDate: approval.pushDueDate,
      dueAt: approval.pushDueAt,
      provisional: approval.pushDueProvisional,
    });
    await LinkageRepository.addTimeline(manager, [
      entry(event.id, approval, stage, stageInstant(schedule, stage), null, 'approval', {
        limit: d.limit,
        dueAt: d.dueAt,
        notify: d.notify,
      }),
    ]);
    if (rank(stage) > rank(approval.noticeStage) && approval.state === 'unassigned') {
      await LinkageRepository.updateApproval(manager, d.approvalId, {
        noticeStage: stage,
        nextNoticeAt: nextNoticeAt(schedule, stage) ?? null,
      });
    }
  }

  /** One scheduler pass over up to `limit` approvals with notices due (locked, so replicas share the work); returns how many. */
  async sendDueNotices(limit = 100): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const now = this.clock.now();
      const due = await LinkageRepository.dueForNotice(manager, now, limit);
      const events: CloudEvent<DeadlineNoticeV1Payload>[] = [];
      for (const approval of due) {
        const schedule = scheduleForDue(this.calendar, {
          dueDate: approval.pushDueDate,
          dueAt: approval.pushDueAt,
          provisional: approval.pushDueProvisional,
        });
        const stages = noticesDue(schedule, approval.noticeStage, now);
        for (const stage of stages) {
          const event = createEvent(
            NOTICE_TYPES[stage],
            {
              uscc: approval.uscc,
              approvalId: approval.approvalId,
              limit: 'push',
              dueDate: approval.pushDueDate,
              dueAt: approval.pushDueAt.toISOString(),
              provisional: approval.pushDueProvisional,
              notify: notifyFor(stage),
            },
            {
              source: SOURCE,
              id: stableId('notice', approval.approvalId, 'push', stage),
              time: now.toISOString(),
              correlationid: approval.eventId,
            },
          );
          events.push(event);
          await LinkageRepository.addTimeline(manager, [
            entry(event.id, approval, stage, stageInstant(schedule, stage), null, 'approval', {
              limit: 'push',
              dueAt: event.data!.dueAt,
              notify: event.data!.notify,
            }),
          ]);
        }
        const reached = stages.length > 0 ? stages[stages.length - 1] : approval.noticeStage;
        await LinkageRepository.updateApproval(manager, approval.approvalId, {
          noticeStage: reached,
          nextNoticeAt: nextNoticeAt(schedule, reached) ?? null,
        });
      }
      await this.outbox.enqueue(manager, events);
      return due.length;
    });
  }
}

function notifyFor(stage: Exclude<NoticeStage, 'none'>): NotifiedParty[] {
  switch (stage) {
    case 'reminded':
      return [{ department: COORDINATORS[0], role: 'coordinator' }];
    case 'overdue':
      return [
        { department: COORDINATORS[0], role: 'coordinator' },
        { department: APPROVAL_BUREAU, role: 'head' },
      ];
    case 'escalated':
      return COORDINATORS.map((department) => ({ department, role: 'coordinator' as const }));
  }
}

/** When a notice fell due (not when it was sent): the timeline stays the same however late a scheduler ran. */
function stageInstant(schedule: DeadlineSchedule, stage: Exclude<NoticeStage, 'none'>): Date {
  return stage === 'reminded' ? schedule.remindAt : stage === 'overdue' ? schedule.dueAt : schedule.escalateAt;
}

function rank(stage: NoticeStage): number {
  return ['none', 'reminded', 'overdue', 'escalated'].indexOf(stage);
}

interface DecisionBatch {
  /** Approvals already received, by 审批件号 (in the database or earlier in this batch). */
  known: Set<string>;
  matters: Map<string, MatterVersion | null>;
  approvals: Approval[];
  pushes: Push[];
  timeline: TimelineEntry[];
  events: CloudEvent[];
}

function pushedEntry(
  approval: Approval,
  { push, event }: { push: Push; event: CloudEvent<LicencePushedV1Payload> },
): TimelineEntry {
  return entry(event.id, approval, 'pushed', push.pushedAt, push.department, push.assignedBy ?? 'approval', {
    pushId: push.pushId,
    claimDueAt: event.data!.claimDueAt,
    ...(push.replacesPushId ? { replacesPushId: push.replacesPushId } : {}),
  });
}

/** The 'revoked' step on the timeline of the approval a request asked to revoke, from the revoking decision's receipt. */
export function revokedEntry(
  received: Pick<TimelineEntry, 'eventId' | 'approvalId' | 'uscc' | 'at'>,
  request: Pick<RevocationRequest, 'requestId' | 'approvalId' | 'department'>,
): TimelineEntry {
  return {
    ...entry(
      stableId('revoked', received.eventId),
      received,
      'revoked',
      received.at,
      request.department,
      APPROVAL_BUREAU,
      {
        requestId: request.requestId,
        revokedByApprovalId: received.approvalId,
      },
    ),
    approvalId: request.approvalId,
  };
}

export function decisionOf(type: string): LicenceDecision {
  const verb = type.split('.')[3];
  if (verb === 'granted' || verb === 'changed' || verb === 'renewed' || verb === 'revoked' || verb === 'cancelled')
    return verb;
  throw new Error(`${type} is not a licence decision`);
}

export function entry(
  eventId: string,
  approval: Pick<Approval, 'approvalId' | 'uscc'>,
  kind: TimelineKind,
  at: Date,
  department: string | null,
  actor: string,
  detail: Record<string, unknown> = {},
): TimelineEntry {
  return { eventId, approvalId: approval.approvalId, uscc: approval.uscc, kind, at, department, actor, detail };
}
