import { Injectable } from '@nestjs/common';
import { Gauge } from 'prom-client';
import { DataSource } from 'typeorm';
import { entitledToPersonalData, maskValue } from '@hub/contracts';
import { HubMetrics } from '@hub/observability';
import { Clock } from '@hub/workdays';
import { SupervisedPush } from '../../entities/supervised-push.entity';
import type { DepartmentStats } from '@hub/sdk';
import { SupervisionRepository } from '../../supervision.repository';

/** Each department's ledgers (台账) and the linkage's figures, as API and as Prometheus gauges. */
@Injectable()
export class ReadLedgers {
  private readonly claimRate: Gauge<'department'>;
  private readonly medianClaim: Gauge<'department'>;
  private readonly overdue: Gauge<'department'>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly pushes: SupervisionRepository,
    private readonly clock: Clock,
    metrics: HubMetrics,
  ) {
    const registers = [metrics.registry];
    this.claimRate = new Gauge({
      name: 'hub_linkage_claim_rate',
      help: 'Claimed pushes / pushes, per department',
      labelNames: ['department'],
      registers,
    });
    this.medianClaim = new Gauge({
      name: 'hub_linkage_claim_median_seconds',
      help: 'Median time from push to claim, per department',
      labelNames: ['department'],
      registers,
    });
    this.overdue = new Gauge({
      name: 'hub_linkage_overdue',
      help: 'Pushes past their claim or supervision limit, per department',
      labelNames: ['department'],
      registers,
    });
  }

  /** A coordinator reading another department's ledger sees its officers masked (可用不可见). */
  async ledger(department: string, asOf: string | undefined, caller: string) {
    const now = asOf ? new Date(asOf) : this.clock.now();
    const rows = (await this.pushes.ledger(this.dataSource.manager, department, ['held', 'pushed', 'claimed'])).map(
      (r) =>
        r.claimedBy === null || entitledToPersonalData(caller, department)
          ? r
          : { ...r, claimedBy: maskValue('identifier', r.claimedBy) },
    );
    const isOverdue = (r: SupervisedPush): boolean =>
      (r.state === 'pushed' && r.claimDueAt !== null && r.claimDueAt <= now) ||
      (r.state === 'claimed' && r.supervisionDueAt !== null && r.supervisionDueAt <= now);
    return {
      department,
      asOf: now.toISOString(),
      unclaimed: rows.filter((r) => r.state === 'pushed'),
      overdue: rows.filter(isOverdue),
      claimedNotSupervised: rows.filter((r) => r.state === 'claimed'),
      /** Claims that came before their push, held for it until `heldUntil`. */
      held: rows.filter((r) => r.state === 'held'),
    };
  }

  async stats(department?: string): Promise<DepartmentStats[]> {
    return this.pushes.stats(this.dataSource.manager, this.clock.now(), department);
  }

  /** Refreshes the gauges (the scheduler calls it on each pass). */
  async refreshMetrics(): Promise<void> {
    for (const s of await this.stats()) {
      if (s.claimRate !== null) this.claimRate.set({ department: s.department }, s.claimRate);
      if (s.medianClaimSeconds !== null) this.medianClaim.set({ department: s.department }, s.medianClaimSeconds);
      this.overdue.set({ department: s.department }, s.overdue);
    }
  }
}
