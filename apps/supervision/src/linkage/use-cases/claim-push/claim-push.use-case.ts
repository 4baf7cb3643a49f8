import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { CloudEvent, FieldError, PushClaimedV1, PushClaimedV1Payload, createEvent } from '@hub/contracts';
import { OutboxWriter } from '@hub/messaging';
import { ProblemException } from '@hub/platform';
import { Clock, WorkdayCalendar } from '@hub/workdays';
import { SupervisionEnv } from '../../../supervision.env';
import { SupervisedPush } from '../../entities/supervised-push.entity';
import { claimEffect, heldClaim, rowKey, SOURCE } from '../../push-rows';
import { SupervisionRepository } from '../../supervision.repository';
import { ClaimDto } from './claim.dto';
import { claimConflict, claimDate, notSupervisedBy } from './claim.rules';

/**
 * One claim's answer: the push as claimed (`claimed` false when it was claimed already), the claim held until its
 * push arrives (202), or why not.
 */
export type ClaimOutcome =
  | { status: 200; claimed: boolean; push: SupervisedPush }
  | { status: 202; push: SupervisedPush }
  | { status: 403 | 409; type: string; detail: string; errors?: FieldError[] };

/**
 * 认领 over HTTP: a department's supervisor or system claims the approvals pushed to it (200), or claims ahead of
 * the push, which holds the claim until the push arrives (202). Claiming again changes nothing; a returned push
 * cannot be claimed; the approving department claims none.
 */
@Injectable()
export class ClaimPush {
  constructor(
    private readonly dataSource: DataSource,
    private readonly pushes: SupervisionRepository,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
    @Inject(WorkdayCalendar) private readonly calendar: WorkdayCalendar,
    private readonly env: SupervisionEnv,
  ) {}

  /** One claim: its answer, or the problem that refuses it. */
  async claim(department: string, dto: ClaimDto): Promise<{ status: 200 | 202; push: SupervisedPush }> {
    const [outcome] = await this.claimAll(department, [dto]);
    if (outcome.status !== 200 && outcome.status !== 202)
      throw new ProblemException(outcome.status, outcome.type, outcome.detail, outcome.errors);
    return { status: outcome.status, push: outcome.push };
  }

  /**
   * Many claims at once, each as `claim` would, answered one by one in the order given: one transaction and a
   * statement per table for the whole batch. An approval given twice is claimed once; the second answer is the one
   * a repeated claim gets.
   */
  async claimAll(department: string, dtos: readonly ClaimDto[]): Promise<ClaimOutcome[]> {
    if (dtos.length === 0) return [];
    for (let round = 1; ; round++) {
      try {
        return await this.dataSource.transaction((manager) => this.decide(manager, department, dtos));
      } catch (error) {
        // An early claim's insert met the push inserted meanwhile (the rows were not there to lock): claim again.
        if (round >= 3 || !isRetriable(error)) throw error;
      }
    }
  }

  private async decide(manager: EntityManager, department: string, dtos: readonly ClaimDto[]): Promise<ClaimOutcome[]> {
    const at = this.clock.now();
    const rows = await this.pushes.findMany(
      manager,
      dtos.map((dto) => [dto.approvalId, department]),
    );
    const inserts: SupervisedPush[] = [];
    const updates: Partial<SupervisedPush>[] = [];
    const events: CloudEvent<PushClaimedV1Payload>[] = [];
    const outcomes = dtos.map((dto): ClaimOutcome => {
      const key = rowKey(dto.approvalId, department);
      const row = rows.get(key) ?? null;
      const unsupervised = notSupervisedBy(department, dto.approvalId);
      if (unsupervised !== undefined) return { status: 403, type: 'forbidden', detail: unsupervised };
      if (row?.state === 'returned')
        return { status: 409, type: 'conflict', detail: claimConflict(department, dto.approvalId, row)! };
      if (row?.state === 'held') return { status: 202, push: row };
      if (row && row.state !== 'pushed') return { status: 200, claimed: false, push: row };
      if (!row && !dto.uscc) return notPushedYet(department, dto.approvalId);
      if (!row) {
        const claim = { ...dto, department, uscc: dto.uscc!, channel: dto.channel ?? 'system' };
        const until = new Date(at.getTime() + this.env.CLAIM_HOLD_MS);
        const held = heldClaim(claim, at, randomUUID(), until);
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
      const effect = claimEffect(this.calendar, row, event.data!);
      updates.push(effect.change);
      rows.set(key, effect.push);
      return { status: 200, claimed: true, push: effect.push };
    });
    await this.pushes.insertMany(manager, inserts);
    await this.pushes.updateMany(manager, updates);
    await this.outbox.enqueue(manager, events);
    return outcomes;
  }
}

function notPushedYet(department: string, approvalId: string): ClaimOutcome {
  return {
    status: 409,
    type: 'push-not-received',
    detail: `approval ${approvalId} has not been pushed to ${department} yet: give its uscc to claim it ahead of the push`,
    errors: [
      {
        field: 'uscc',
        rule: 'requiredBeforePush',
        message: 'uscc is required to claim an approval before its push arrives',
      },
    ],
  };
}

/** A unique violation (see claimAll) or, should locks still cross, a deadlock PostgreSQL broke. */
function isRetriable(error: unknown): boolean {
  const code = (error as { code?: string }).code;
  return code === '23505' || code === '40P01';
}
