import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AssertedCaller } from '@hub/assertion';
import { SecretBox } from '@hub/auth';
import { CloudEvent, createEvent, PlanDrawnV1, TargetFrequencyExceededV1, TaskAssignedV1 } from '@hub/contracts';
import { fromHex, runDraw, type DrawInputs } from '@hub/draw';
import { OutboxWriter } from '@hub/messaging';
import { Clock } from '@hub/workdays';
import { InspectorsRepository } from '../../../directories/inspectors.repository';
import { ItemsRepository } from '../../../directories/items.repository';
import { TargetsRepository } from '../../../directories/targets.repository';
import { InspectionEnv } from '../../../inspection.env';
import { assertState, assertTakesPart, planNotFound } from '../../plan-access';
import { secretContext, SOURCE } from '../../plan-locker';
import { itemsFor } from '../../plan-rules';
import { Draw, Plan, PlansRepository } from '../../plans.repository';
import { Task, TasksRepository } from '../../tasks.repository';
import { DrawDto } from './draw.dto';
import { drawRecord, teamOf } from './draw-record';

/**
 * 摇号: a supervisor of one of the plan's departments draws a locked plan with the witness's entropy. The secret is
 * opened and revealed in the record, which is written once; each drawn target becomes one task per department,
 * sent to that department; an enterprise now inspected more often this year than the threshold raises an alert.
 */
@Injectable()
export class DrawPlan {
  constructor(
    private readonly dataSource: DataSource,
    private readonly plans: PlansRepository,
    private readonly tasks: TasksRepository,
    private readonly targets: TargetsRepository,
    private readonly items: ItemsRepository,
    private readonly inspectors: InspectorsRepository,
    private readonly box: SecretBox,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
    @Inject(InspectionEnv) private readonly env: InspectionEnv,
  ) {}

  async draw(caller: AssertedCaller, planId: string, dto: DrawDto): Promise<Draw> {
    return this.dataSource.transaction(async (manager) => {
      const plan = await this.plans.find(manager, planId, true);
      if (!plan) throw planNotFound(planId);
      assertTakesPart(caller, plan, 'draw');
      assertState(plan, 'locked', 'drawn');
      const locked = plan as Plan & { inputs: DrawInputs };
      const sealed = (await this.plans.sealedSecret(manager, planId))!;
      const secretHex = this.box.open(sealed, secretContext(planId, plan.lockNo));
      const outcome = runDraw(locked.inputs, fromHex(secretHex), dto.entropy);
      const now = this.clock.now();
      const drawId = `${planId}.${plan.lockNo}`;
      const codes = plan.departments.map((d) => d.code);
      const staff = new Map((await this.inspectors.list(manager, codes)).map((i) => [i.certificateNo, i]));
      const voided = (await this.plans.drawsOf(manager, planId)).find((d) => d.lockNo === plan.lockNo - 1);
      const replaces = voided ? { drawId: voided.id, reason: voided.voidedReason! } : null;
      const record = drawRecord(locked, drawId, dto.entropy, secretHex, outcome, {
        witness: dto.witness,
        drawnAt: now,
        inspectors: staff,
        replaces,
      });
      await this.plans.insertDraw(manager, {
        id: drawId,
        planId,
        lockNo: plan.lockNo,
        record,
        witness: dto.witness,
        drawnBy: caller.subject,
        drawnAt: now,
        replaces: replaces?.drawId ?? null,
      });
      await this.plans.setState(manager, planId, 'drawn');
      const tasks: Omit<Task, 'createdAt'>[] = outcome.targets.flatMap((target, i) =>
        codes.map((code) => ({
          id: `${drawId}.${i + 1}.${code}`,
          planId,
          drawId,
          year: plan.year,
          uscc: target.uscc,
          department: code,
          stratum: target.stratum,
          inspectors: teamOf(target.teams[code] ?? null, staff),
          state: target.teams[code] ? ('assigned' as const) : ('unstaffed' as const),
        })),
      );
      await this.tasks.insert(manager, tasks);
      const drawn = createEvent(
        PlanDrawnV1,
        {
          planId,
          drawId,
          lock: plan.lockNo,
          entropy: dto.entropy,
          secretHex,
          seedHex: outcome.seedHex,
          commitment: plan.commitment!,
          targets: outcome.targets.length,
          unstaffed: tasks.filter((t) => t.state === 'unstaffed').length,
          ...(replaces ? { replaces: replaces.drawId } : {}),
          drawnAt: now.toISOString(),
        },
        { source: SOURCE },
      );
      const enterprises = await this.targets.findMany(
        manager,
        outcome.targets.map((t) => t.uscc),
      );
      const items = await this.items.list(manager, codes);
      const assigned = tasks.map((task) => {
        const target = enterprises.get(task.uscc)!;
        const holds = {
          kind: target.kind,
          licenceTypes: target.licences.filter((l) => l.status === 'valid').map((l) => l.matterCode),
        };
        return createEvent(
          TaskAssignedV1,
          {
            taskId: task.id,
            planId,
            drawId,
            uscc: task.uscc,
            department: task.department,
            enterpriseName: target.name,
            leadDepartment: plan.leadDepartment,
            departments: codes,
            items: itemsFor(
              plan.departments.find((d) => d.code === task.department)!,
              items,
              holds,
            ).map((i) => ({
              code: i.code,
              name: i.name,
            })),
            staffed: task.inspectors !== null,
            ...(task.inspectors ? { inspectors: task.inspectors } : {}),
            inspectionDate: plan.inspectionDate,
          },
          { source: SOURCE, causationid: drawn.id },
        );
      });
      const alerts = await this.frequencyAlerts(
        manager,
        plan.year,
        outcome.targets.map((t) => t.uscc),
        drawn.id,
      );
      await this.outbox.enqueue(manager, [drawn, ...assigned, ...alerts]);
      return (await this.plans.findDraw(manager, drawId))!;
    });
  }

  /** 规范涉企行政检查: an enterprise drawn more often this year than the threshold, across all departments. */
  private async frequencyAlerts(
    manager: Parameters<TasksRepository['visits']>[0],
    year: number,
    usccs: string[],
    causationid: string,
  ): Promise<CloudEvent[]> {
    const visits = await this.tasks.visits(manager, year, usccs);
    const threshold = this.env.INSPECTION_FREQUENCY_THRESHOLD;
    return [...visits]
      .filter(([, plans]) => plans.length > threshold)
      .map(([uscc, planIds]) =>
        createEvent(
          TargetFrequencyExceededV1,
          { uscc, year, inspections: planIds.length, threshold, planIds },
          { source: SOURCE, causationid },
        ),
      );
  }
}
