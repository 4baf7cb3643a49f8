import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { SecretBox } from '@hub/auth';
import { CloudEvent, createEvent, PlanLockedV1 } from '@hub/contracts';
import { candidateDigest, commitmentOf, newDrawSecret, toHex } from '@hub/draw';
import { InspectorsRepository } from '../directories/inspectors.repository';
import { ItemsRepository } from '../directories/items.repository';
import { TargetsRepository } from '../directories/targets.repository';
import { lockInputs } from './plan-rules';
import { Plan, PlansRepository } from './plans.repository';
import { TasksRepository } from './tasks.repository';

export const SOURCE = '/apps/inspection';

/** The context a lock's secret is sealed under: a sealed secret copied onto another plan or lock does not open. */
export const secretContext = (planId: string, lockNo: number): string => `draw-secret:${planId}#${lockNo}`;

/**
 * Locks a plan (SSGK-DRAW-1): fixes its candidates and eligible inspectors from the directories as they are now,
 * makes a new secret, keeps it sealed and returns the commitment event, which the caller commits with the lock.
 */
@Injectable()
export class PlanLocker {
  constructor(
    private readonly plans: PlansRepository,
    private readonly tasks: TasksRepository,
    private readonly targets: TargetsRepository,
    private readonly items: ItemsRepository,
    private readonly inspectors: InspectorsRepository,
    private readonly box: SecretBox,
  ) {}

  async lock(manager: EntityManager, plan: Plan, now: Date, causationid?: string): Promise<CloudEvent> {
    const codes = plan.departments.map((d) => d.code);
    const visits = await this.tasks.visits(manager, plan.year);
    // The plan's own earlier draws were voided (their tasks cancelled), so they are not among the visits.
    const counts = new Map([...visits].map(([uscc, plans]) => [uscc, plans.filter((p) => p !== plan.id).length]));
    const { inputs, exclusions } = lockInputs(
      { ...plan, planId: plan.id },
      await this.targets.candidates(manager),
      await this.items.list(manager, codes),
      await this.inspectors.list(manager, codes),
      counts,
    );
    const secret = newDrawSecret();
    const lockNo = plan.lockNo + 1;
    const commitment = commitmentOf(secret);
    const digest = candidateDigest(inputs.strata);
    await this.plans.lock(
      manager,
      plan.id,
      {
        lockNo,
        lockedAt: now,
        commitment,
        candidateDigest: digest,
        sealed: this.box.seal(toHex(secret), secretContext(plan.id, lockNo)),
        inputs,
      },
      exclusions,
    );
    secret.fill(0);
    return createEvent(
      PlanLockedV1,
      {
        planId: plan.id,
        lock: lockNo,
        leadDepartment: plan.leadDepartment,
        departments: codes,
        commitment,
        candidateDigest: digest,
        candidates: inputs.strata.reduce((n, s) => n + s.candidates.length, 0),
        excluded: exclusions.length,
        inspectionDate: plan.inspectionDate,
        lockedAt: now.toISOString(),
      },
      { source: SOURCE, ...(causationid ? { causationid } : {}) },
    );
  }
}
