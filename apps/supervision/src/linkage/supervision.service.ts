import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import {
  CloudEvent,
  DeadlineNoticeV1Payload,
  EventTypeDefinition,
  FeedbackEffect,
  FieldError,
  LicencePushedV1Payload,
  NotifiedParty,
  PushClaimRefusedV1,
  PushClaimRequestedV1Payload,
  PushClaimedV1,
  PushClaimedV1Payload,
  PushEscalatedV1,
  type ClaimChannel,
  PushFedBackV1,
  PushOverdueV1,
  PushRemindedV1,
  PushReturnedV1,
  PushReturnedV1Payload,
  PushRevocationRequestedV1,
  PushSupervisedV1,
  PushSupervisedV1Payload,
  SupervisionResult,
  createEvent,
} from '@hub/contracts';
import { OutboxWriter, RejectedMessage } from '@hub/messaging';
import { ProblemException } from '@hub/platform';
import {
  Clock,
  deadlineSchedule,
  nextNoticeAt,
  noticesDue,
  NoticeStage,
  scheduleForDue,
  WorkdayCalendar,
} from '@hub/workdays';
import { SupervisionEnv } from '../supervision.env';
import { claimConflict, claimDate, holdExpired, notSupervisedBy } from './claim-rules';
import { ClaimDto, ReturnDto, SuperviseDto } from './dto/linkage.dto';
import { SupervisedPush } from './entities/supervised-push.entity';
import { SupervisionAction } from './entities/supervision-action.entity';
import { SupervisionRepository } from './supervision.repository';
import { stableId } from './stable-id';

const SOURCE = '/apps/supervision';
const COORDINATORS = ['ZFW', 'DZB'] as const;
const NOTICE_TYPES: Record<Exclude<NoticeStage, 'none'>, EventTypeDefinition<DeadlineNoticeV1Payload>> = {
  reminded: PushRemindedV1,
  overdue: PushOverdueV1,
  escalated: PushEscalatedV1,
};
/** Results that bear on the approval itself, and on the enterprise's credit record (信用记录). */
const EFFECTS: Record<SupervisionResult, FeedbackEffect[]> = {
  compliant: [],
  'rectification-ordered': ['credit'],
  'commitment-false': ['approval', 'credit'],
  'licence-should-be-revoked': ['approval', 'credit'],
};
const CALLS_FOR_REVOCATION: SupervisionResult[] = ['commitment-false', 'licence-should-be-revoked'];
/** A row's held-claim columns when no claim is held. */
const NOT_HELD: Pick<SupervisedPush, 'heldClaimId' | 'heldBy' | 'heldChannel' | 'heldAt' | 'heldUntil'> = {
  heldClaimId: null,
  heldBy: null,
  heldChannel: null,
  heldAt: null,
  heldUntil: null,
};
/** The columns a held claim (or a claim read back before its push) leaves empty until its push arrives. */
const EARLY_CLAIM: Omit<SupervisedPush, 'approvalId' | 'department' | 'uscc' | 'state' | 'noticeStage'> = {
  ...NOT_HELD,
  pushId: null,
  matterCode: null,
  matterName: null,
  reformMode: null,
  decision: null,
  licenceNo: null,
  commitments: null,
  pushedAt: null,
  claimDueDate: null,
  claimDueAt: null,
  claimDueProvisional: null,
  supervisionWorkdays: null,
  claimedAt: null,
  claimedBy: null,
  returnedAt: null,
  supervisedAt: null,
  lastResult: null,
  supervisionDueDate: null,
  supervisionDueAt: null,
  supervisionDueProvisional: null,
  noticeLimit: null,
  nextNoticeAt: null,
};

/**
 * One claim's answer: the push as claimed (`claimed` false when it was claimed already), the claim held until its
 * push arrives (202), or why not.
 */
export type ClaimOutcome =
  | { status: 200; claimed: boolean; push: SupervisedPush }
  | { status: 202; push: SupervisedPush }
  | { status: 403 | 409; type: string; detail: string; errors?: FieldError[] };

/** 认领、退回、监管、反馈: what a supervising department does with the approvals pushed to it. */
@Injectable()
export class SupervisionService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
    @Inject(WorkdayCalendar) private readonly calendar: WorkdayCalendar,
    private readonly env: SupervisionEnv,
  ) {}

  /**
   * Pushes from the approval app. A push met by a held claim makes the claim (push.claimed, dated no earlier than
   * the push) and starts the supervision limit; one met by a claim read back before it (a replay) completes it.
   */
  async receivePushes(manager: EntityManager, events: CloudEvent<LicencePushedV1Payload>[]): Promise<void> {
    const rows = await SupervisionRepository.findMany(
      manager,
      events.map((e) => [e.data!.approvalId, e.data!.department]),
    );
    const inserts: Partial<SupervisedPush>[] = [];
    const updates: Partial<SupervisedPush>[] = [];
    const claims: CloudEvent<PushClaimedV1Payload>[] = [];
    const now = this.clock.now();
    for (const { data } of events) {
      const d = data!;
      const key = `${d.approvalId}\u0000${d.department}`;
      const existing = rows.get(key) ?? null;
      if (existing?.pushId) continue;
      rows.set(key, { pushId: d.pushId } as SupervisedPush);
      const facts: Partial<SupervisedPush> = {
        approvalId: d.approvalId,
        department: d.department,
        uscc: d.uscc,
        pushId: d.pushId,
        matterCode: d.matterCode,
        matterName: d.matterName,
        reformMode: d.reformMode,
        decision: d.decision,
        licenceNo: d.licenceNo,
        commitments: d.commitments ?? null,
        pushedAt: new Date(d.pushedAt),
        claimDueDate: d.claimDueDate,
        claimDueAt: new Date(d.claimDueAt),
        claimDueProvisional: d.claimDueProvisional,
        supervisionWorkdays: d.supervisionWorkdays,
      };
      if (existing?.state === 'held') {
        const claimedAt = claimDate(existing.heldAt!, facts.pushedAt!, now);
        claims.push(
          createEvent(
            PushClaimedV1,
            {
              uscc: d.uscc,
              approvalId: d.approvalId,
              pushId: d.pushId,
              department: d.department,
              actor: existing.heldBy!,
              at: claimedAt.toISOString(),
              channel: existing.heldChannel ?? 'system',
            },
            { source: SOURCE, id: existing.heldClaimId! },
          ),
        );
        updates.push({
          ...facts,
          ...NOT_HELD,
          state: 'claimed',
          claimedAt,
          claimedBy: existing.heldBy,
          ...this.supervisionLimit(claimedAt, d.supervisionWorkdays),
        });
      } else if (!existing) {
        const schedule = scheduleForDue(this.calendar, {
          dueDate: d.claimDueDate,
          dueAt: new Date(d.claimDueAt),
          provisional: d.claimDueProvisional,
        });
        inserts.push({
          ...facts,
          state: 'pushed',
          noticeLimit: 'claim',
          noticeStage: 'none',
          nextNoticeAt: nextNoticeAt(schedule, 'none') ?? null,
        });
      } else {
        // A claim read back before its push starts the supervision limit once the push says how long it is;
        // notices only while open.
        const supervision = existing.claimedAt
          ? this.supervisionLimit(existing.claimedAt, d.supervisionWorkdays, existing.state === 'claimed')
          : {};
        updates.push({ ...facts, ...supervision });
      }
    }
    await SupervisionRepository.insertMany(manager, inserts);
    await SupervisionRepository.updateMany(manager, updates);
    await this.outbox.enqueue(manager, claims);
  }

  private supervisionLimit(claimedAt: Date, workdays: number, open = true): Partial<SupervisedPush> {
    const schedule = deadlineSchedule(this.calendar, claimedAt, workdays);
    const due = {
      supervisionDueDate: schedule.dueDate,
      supervisionDueAt: schedule.dueAt,
      supervisionDueProvisional: schedule.provisional,
    };
    if (!open) return due;
    return {
      ...due,
      noticeLimit: 'supervision',
      noticeStage: 'none',
      nextNoticeAt: nextNoticeAt(schedule, 'none') ?? null,
    };
  }

  /**
   * Claims an approval for the department (200), or holds the claim until the push arrives (202). Claiming again
   * changes nothing; a returned one cannot be claimed.
   */
  async claim(department: string, dto: ClaimDto): Promise<{ status: 200 | 202; push: SupervisedPush }> {
    const [outcome] = await this.claimMany(department, [dto]);
    if (outcome.status !== 200 && outcome.status !== 202)
      throw new ProblemException(outcome.status, outcome.type, outcome.detail, outcome.errors);
    return { status: outcome.status, push: outcome.push };
  }

  /**
   * Claims many approvals at once, each as `claim` would, answered one by one in the order given: one transaction
   * and a statement per table for the whole batch. An approval given twice is claimed once; the second answer is
   * the one a repeated claim gets.
   */
  async claimMany(department: string, dtos: readonly ClaimDto[]): Promise<ClaimOutcome[]> {
    if (dtos.length === 0) return [];
    for (let round = 1; ; round++) {
      try {
        return await this.dataSource.transaction((manager) => this.claimIn(manager, department, dtos));
      } catch (error) {
        // An early claim's insert met the push inserted meanwhile (the rows were not there to lock): claim again.
        if (round >= 3 || !isRetriable(error)) throw error;
      }
    }
  }

  /**
   * A claim a department's system sent through the gateway (its ingress or signed HTTP intake). Its answer is an
   * event, push.claimed or push.claim-refused, under an id derived from the request's, and the claim takes effect when
   * the app reads that answer back, never as it decides. So a replay of the topics, which may meet the request in
   * another order with the department's other acts over HTTP, applies the answer given live (earlier in the log)
   * and passes over the one it gives again (the same id). A request that comes before its push is held, with no
   * answer yet: the push answers it (push.claimed), or the hold's end does (push.claim-refused).
   */
  async claimRequested(manager: EntityManager, event: CloudEvent<PushClaimRequestedV1Payload>): Promise<void> {
    const d = event.data!;
    const department = event.department;
    if (department === undefined) {
      throw new RejectedMessage([
        { field: 'department', rule: 'required', message: 'a claim request names the claiming department' },
      ]);
    }
    const id = stableId('claim-requested', event.source, event.id);
    const now = this.clock.now();
    const requestedAt = new Date(d.at);
    const row = await SupervisionRepository.find(manager, d.approvalId, department, true);
    const refusal =
      notSupervisedBy(department, d.approvalId) ??
      claimConflict(department, d.approvalId, row) ??
      (row?.state === 'held'
        ? `a claim of approval ${d.approvalId} by ${department} is held already, until its push arrives`
        : undefined);
    if (refusal === undefined && !row) {
      await SupervisionRepository.insert(
        manager,
        this.held(d.approvalId, department, d.uscc, d.actor, 'system', earliest(requestedAt, now), id),
      );
      return;
    }
    const answer = {
      uscc: row?.uscc ?? d.uscc,
      approvalId: d.approvalId,
      ...(row?.pushId ? { pushId: row.pushId } : {}),
      department,
      actor: d.actor,
    };
    const outcome =
      refusal === undefined
        ? createEvent(
            PushClaimedV1,
            { ...answer, at: claimDate(requestedAt, row!.pushedAt!, now).toISOString(), channel: 'system' },
            { source: SOURCE, id },
          )
        : createEvent(
            PushClaimRefusedV1,
            { ...answer, at: requestedAt.toISOString(), reason: refusal },
            { source: SOURCE, id },
          );
    await this.outbox.enqueue(manager, [outcome], { applyWhenReadBack: true });
  }

  /** A claim held for its push: answered under `id` when the push arrives, or refused past the claim limit. */
  private held(
    approvalId: string,
    department: string,
    uscc: string,
    actor: string,
    channel: ClaimChannel,
    at: Date,
    id: string,
  ): SupervisedPush {
    return {
      ...EARLY_CLAIM,
      approvalId,
      department,
      uscc,
      state: 'held',
      noticeStage: 'none',
      heldClaimId: id,
      heldBy: actor,
      heldChannel: channel,
      heldAt: at,
      heldUntil: new Date(this.clock.now().getTime() + this.env.CLAIM_HOLD_MS),
    };
  }

  private async claimIn(
    manager: EntityManager,
    department: string,
    dtos: readonly ClaimDto[],
  ): Promise<ClaimOutcome[]> {
    const at = this.clock.now();
    const rows = await SupervisionRepository.findMany(
      manager,
      dtos.map((dto) => [dto.approvalId, department]),
    );
    const inserts: SupervisedPush[] = [];
    const updates: Partial<SupervisedPush>[] = [];
    const events: CloudEvent<PushClaimedV1Payload>[] = [];
    const outcomes = dtos.map((dto): ClaimOutcome => {
      const key = `${dto.approvalId}\u0000${department}`;
      const row = rows.get(key) ?? null;
      const unsupervised = notSupervisedBy(department, dto.approvalId);
      if (unsupervised !== undefined) return { status: 403, type: 'forbidden', detail: unsupervised };
      if (row?.state === 'returned')
        return { status: 409, type: 'conflict', detail: claimConflict(department, dto.approvalId, row)! };
      if (row?.state === 'held') return { status: 202, push: row };
      if (row && row.state !== 'pushed') return { status: 200, claimed: false, push: row };
      if (!row && !dto.uscc) {
        return {
          status: 409,
          type: 'push-not-received',
          detail: `approval ${dto.approvalId} has not been pushed to ${department} yet: give its uscc to claim it ahead of the push`,
          errors: [
            {
              field: 'uscc',
              rule: 'requiredBeforePush',
              message: 'uscc is required to claim an approval before its push arrives',
            },
          ],
        };
      }
      if (!row) {
        const held = this.held(
          dto.approvalId,
          department,
          dto.uscc!,
          dto.actor,
          dto.channel ?? 'system',
          at,
          randomUUID(),
        );
        inserts.push(held);
        rows.set(key, held);
        return { status: 202, push: held };
      }
      const event = createEvent(
        PushClaimedV1,
        {
          uscc: row.uscc,
          approvalId: dto.approvalId,
          ...(row.pushId ? { pushId: row.pushId } : {}),
          department,
          actor: dto.actor,
          at: (row.pushedAt ? claimDate(at, row.pushedAt, at) : at).toISOString(),
          channel: dto.channel ?? 'system',
        },
        { source: SOURCE, id: randomUUID() },
      );
      events.push(event);
      const claimed = this.claimed(row, event.data!);
      updates.push(claimed.change);
      rows.set(key, claimed.push);
      return { status: 200, claimed: true, push: claimed.push };
    });
    await SupervisionRepository.insertMany(manager, inserts);
    await SupervisionRepository.updateMany(manager, updates);
    await this.outbox.enqueue(manager, events);
    return outcomes;
  }

  /** A claim's effect on the department's row (none yet: an early claim), and the row as it is then. */
  private claimed(
    row: SupervisedPush | null,
    d: PushClaimedV1Payload,
  ): { change: Partial<SupervisedPush>; push: SupervisedPush } {
    const claimedAt = new Date(d.at);
    const claim = { state: 'claimed' as const, claimedAt, claimedBy: d.actor };
    if (!row) {
      const change: Partial<SupervisedPush> = {
        approvalId: d.approvalId,
        department: d.department,
        uscc: d.uscc,
        ...claim,
        noticeLimit: null,
        noticeStage: 'none',
        nextNoticeAt: null,
      };
      return { change, push: { ...EARLY_CLAIM, ...change } as SupervisedPush };
    }
    const supervision = row.supervisionWorkdays ? this.supervisionLimit(claimedAt, row.supervisionWorkdays) : {};
    const held = row.state === 'held' ? NOT_HELD : {};
    const change = { approvalId: d.approvalId, department: d.department, ...claim, ...held, ...supervision };
    return { change, push: { ...row, ...change } };
  }

  private async applyClaim(manager: EntityManager, row: SupervisedPush | null, d: PushClaimedV1Payload): Promise<void> {
    const { change } = this.claimed(row, d);
    if (row) await SupervisionRepository.updateMany(manager, [change]);
    else await SupervisionRepository.insertMany(manager, [change]);
  }

  /** Returns a push with a reason: the coordinator re-routes it (approval app). */
  async returnPush(department: string, dto: ReturnDto): Promise<SupervisedPush> {
    return this.dataSource.transaction(async (manager) => {
      const row = await this.received(manager, dto.approvalId, department);
      if (row.state === 'returned') return row;
      if (row.state === 'supervised')
        throw new ProblemException(
          409,
          'conflict',
          `approval ${dto.approvalId} is already supervised by ${department}`,
        );
      const event = createEvent(
        PushReturnedV1,
        {
          uscc: row.uscc,
          approvalId: row.approvalId,
          pushId: row.pushId!,
          department,
          actor: dto.actor,
          at: this.clock.now().toISOString(),
          reason: dto.reason,
          ...(dto.suggestedDepartment ? { suggestedDepartment: dto.suggestedDepartment } : {}),
        },
        { source: SOURCE, id: randomUUID() },
      );
      await this.applyReturn(manager, event.data!);
      await this.outbox.enqueue(manager, [event]);
      return (await SupervisionRepository.find(manager, dto.approvalId, department))!;
    });
  }

  private async applyReturn(manager: EntityManager, d: PushReturnedV1Payload): Promise<void> {
    // A replay may meet a claim request before the return given live: a returned push holds no claim (the claim's
    // answer, read back, was the refusal), or the rebuilt row would differ from the live one.
    await SupervisionRepository.update(manager, d.approvalId, d.department, {
      ...NOT_HELD,
      state: 'returned',
      returnedAt: new Date(d.at),
      noticeLimit: null,
      nextNoticeAt: null,
    });
  }

  /** Records a supervision action and its result, feeds it back, and asks for revocation when the result calls for it. */
  async supervise(department: string, dto: SuperviseDto): Promise<SupervisionAction> {
    return this.dataSource.transaction(async (manager) => {
      const row = await this.received(manager, dto.approvalId, department);
      if (row.state !== 'claimed' && row.state !== 'supervised') {
        throw new ProblemException(
          409,
          'conflict',
          `approval ${dto.approvalId} must be claimed by ${department} before it is supervised`,
        );
      }
      const at = dto.at ?? this.clock.now().toISOString();
      const actionId = randomUUID();
      const common = {
        uscc: row.uscc,
        approvalId: row.approvalId,
        pushId: row.pushId!,
        department,
        actor: dto.actor,
        at,
      };
      const supervised = createEvent(
        PushSupervisedV1,
        { ...common, actionId, action: dto.action, result: dto.result, findings: dto.findings },
        { source: SOURCE, id: randomUUID() },
      );
      const events: CloudEvent[] = [
        supervised,
        createEvent(
          PushFedBackV1,
          { ...common, actionId, result: dto.result, affects: EFFECTS[dto.result], summary: dto.findings },
          { source: SOURCE, id: randomUUID(), causationid: supervised.id },
        ),
      ];
      let requestId: string | null = null;
      if (CALLS_FOR_REVOCATION.includes(dto.result)) {
        requestId = randomUUID();
        events.push(
          createEvent(
            PushRevocationRequestedV1,
            { ...common, requestId, actionId, licenceNo: row.licenceNo!, reason: dto.findings },
            { source: SOURCE, id: randomUUID(), causationid: supervised.id },
          ),
        );
      }
      const action = await this.applySupervised(manager, supervised.data!, requestId);
      await this.outbox.enqueue(manager, events);
      return action;
    });
  }

  private async applySupervised(
    manager: EntityManager,
    d: PushSupervisedV1Payload,
    requestId: string | null,
  ): Promise<SupervisionAction> {
    const action: SupervisionAction = {
      actionId: d.actionId,
      approvalId: d.approvalId,
      department: d.department,
      uscc: d.uscc,
      action: d.action,
      result: d.result,
      findings: d.findings,
      actor: d.actor,
      at: new Date(d.at),
      revocationRequestId: requestId,
    };
    if (await SupervisionRepository.addAction(manager, action)) {
      const row = await SupervisionRepository.find(manager, d.approvalId, d.department);
      await SupervisionRepository.update(manager, d.approvalId, d.department, {
        state: 'supervised',
        supervisedAt: row?.supervisedAt ?? action.at,
        lastResult: d.result,
        noticeLimit: null,
        nextNoticeAt: null,
      });
    }
    return action;
  }

  private async received(manager: EntityManager, approvalId: string, department: string): Promise<SupervisedPush> {
    const row = await SupervisionRepository.find(manager, approvalId, department, true);
    if (!row || !row.pushId)
      throw new ProblemException(404, 'not-found', `approval ${approvalId} has not been pushed to ${department}`);
    return row;
  }

  /**
   * The app's own events read back from Kafka: live they were applied when made (nothing changes); replayed
   * into an empty schema they rebuild the claims, returns and supervision exactly.
   */
  async applyOwn(manager: EntityManager, events: CloudEvent[]): Promise<void> {
    const current = await SupervisionRepository.findMany(
      manager,
      events.map((e) => [(e.data as PushClaimedV1Payload).approvalId, (e.data as PushClaimedV1Payload).department]),
    );
    for (const [i, event] of events.entries()) {
      const verb = event.type.split('.')[3];
      const d = event.data as PushClaimedV1Payload;
      // Earlier events of this batch may have changed the row: read it again then (rare outside a replay).
      const touched = events.slice(0, i).some((e) => (e.data as PushClaimedV1Payload).approvalId === d.approvalId);
      const row = touched
        ? await SupervisionRepository.find(manager, d.approvalId, d.department, true)
        : (current.get(`${d.approvalId}\u0000${d.department}`) ?? null);
      if (verb === 'claimed' && (!row || row.state === 'pushed' || row.state === 'held'))
        await this.applyClaim(manager, row, d);
      else if (verb === 'claim-refused' && row?.state === 'held' && row.heldClaimId === event.id)
        await SupervisionRepository.remove(manager, row.approvalId, row.department);
      else if (verb === 'returned' && !row) {
        const r = event.data as PushReturnedV1Payload;
        await SupervisionRepository.insert(manager, {
          approvalId: r.approvalId,
          department: r.department,
          uscc: r.uscc,
          state: 'returned',
          returnedAt: new Date(r.at),
          noticeStage: 'none',
          nextNoticeAt: null,
        });
      } else if (verb === 'returned' && row && row.state !== 'returned')
        await this.applyReturn(manager, event.data as PushReturnedV1Payload);
      else if (verb === 'supervised') await this.applySupervised(manager, event.data as PushSupervisedV1Payload, null);
      else if (verb === 'revocation-requested') {
        const q = event.data as { actionId: string; requestId: string };
        await manager.update(SupervisionAction, { actionId: q.actionId }, { revocationRequestId: q.requestId });
      } else if (row && (verb === 'reminded' || verb === 'overdue' || verb === 'escalated')) {
        const n = event.data as DeadlineNoticeV1Payload;
        if (n.limit === row.noticeLimit && rank(verb) > rank(row.noticeStage)) {
          const schedule = this.scheduleOf(row);
          if (schedule)
            await SupervisionRepository.update(manager, row.approvalId, row.department, {
              noticeStage: verb,
              nextNoticeAt: nextNoticeAt(schedule, verb) ?? null,
            });
        }
      }
    }
  }

  private scheduleOf(row: SupervisedPush) {
    if (row.noticeLimit === 'claim' && row.claimDueAt) {
      return scheduleForDue(this.calendar, {
        dueDate: row.claimDueDate!,
        dueAt: row.claimDueAt,
        provisional: row.claimDueProvisional ?? false,
      });
    }
    if (row.noticeLimit === 'supervision' && row.supervisionDueAt) {
      return scheduleForDue(this.calendar, {
        dueDate: row.supervisionDueDate!,
        dueAt: row.supervisionDueAt,
        provisional: row.supervisionDueProvisional ?? false,
      });
    }
    return undefined;
  }

  /**
   * One scheduler pass over up to `limit` claims held past the claim limit with no push (locked, so replicas share
   * the work): each is refused (push.claim-refused, with the reason) and forgotten; returns how many.
   */
  async refuseExpiredHolds(limit = 100): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const now = this.clock.now();
      const expired = await SupervisionRepository.heldUntil(manager, now, limit);
      const refusals = expired.map((row) =>
        createEvent(
          PushClaimRefusedV1,
          {
            uscc: row.uscc,
            approvalId: row.approvalId,
            department: row.department,
            actor: row.heldBy!,
            at: row.heldAt!.toISOString(),
            reason: holdExpired(row.department, row.approvalId, this.env.CLAIM_HOLD_MS),
          },
          { source: SOURCE, id: row.heldClaimId!, time: now.toISOString() },
        ),
      );
      for (const row of expired) await SupervisionRepository.remove(manager, row.approvalId, row.department);
      await this.outbox.enqueue(manager, refusals);
      return expired.length;
    });
  }

  /** One scheduler pass over up to `limit` pushes with notices due (locked, so replicas share the work); returns how many. */
  async sendDueNotices(limit = 100): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const now = this.clock.now();
      const due = await SupervisionRepository.dueForNotice(manager, now, limit);
      const events: CloudEvent[] = [];
      for (const row of due) {
        const schedule = this.scheduleOf(row);
        if (!schedule || !row.noticeLimit) {
          await SupervisionRepository.update(manager, row.approvalId, row.department, { nextNoticeAt: null });
          continue;
        }
        const stages = noticesDue(schedule, row.noticeStage, now);
        for (const stage of stages) {
          events.push(
            createEvent(
              NOTICE_TYPES[stage],
              {
                uscc: row.uscc,
                approvalId: row.approvalId,
                ...(row.pushId ? { pushId: row.pushId } : {}),
                department: row.department,
                limit: row.noticeLimit,
                dueDate: schedule.dueDate,
                dueAt: schedule.dueAt.toISOString(),
                provisional: schedule.provisional,
                notify: notifyFor(stage, row.department),
              },
              {
                source: SOURCE,
                id: stableId('notice', row.approvalId, row.department, row.noticeLimit, stage),
                time: now.toISOString(),
              },
            ),
          );
        }
        const reached = stages.length > 0 ? stages[stages.length - 1] : row.noticeStage;
        await SupervisionRepository.update(manager, row.approvalId, row.department, {
          noticeStage: reached,
          nextNoticeAt: nextNoticeAt(schedule, reached) ?? null,
        });
      }
      await this.outbox.enqueue(manager, events);
      return due.length;
    });
  }
}

function notifyFor(stage: Exclude<NoticeStage, 'none'>, department: string): NotifiedParty[] {
  switch (stage) {
    case 'reminded':
      return [{ department, role: 'handler' }];
    case 'overdue':
      return [{ department, role: 'head' }];
    case 'escalated':
      return [
        { department, role: 'head' },
        ...COORDINATORS.map((c) => ({ department: c, role: 'coordinator' as const })),
      ];
  }
}

/** A unique violation (see claimMany) or, should locks still cross, a deadlock PostgreSQL broke. */
function isRetriable(error: unknown): boolean {
  const code = (error as { code?: string }).code;
  return code === '23505' || code === '40P01';
}

function earliest(a: Date, b: Date): Date {
  return a.getTime() <= b.getTime() ? a : b;
}

function rank(stage: NoticeStage): number {
  return ['none', 'reminded', 'overdue', 'escalated'].indexOf(stage);
}
