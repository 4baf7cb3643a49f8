import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SEAL_TYPE_NAMES, SealType } from '@hub/contracts';
import { OutboxWriter, schedulerPass } from '@hub/messaging';
import { Clock } from '@hub/workdays';
import { RegistryEnv } from '../../../registry.env';
import { GapBook } from '../../gap-book';
import { RegistryRepository } from '../../registry.repository';
import { missingSealTypes } from '../record-seals/seal-set';

/**
 * 企业设立同步发放电子印章: an enterprise whose seal window passed without its seal set gets its seal-set-late gap,
 * whose gap.opened is the alert. Rows are taken with SKIP LOCKED: each alert is raised by one replica.
 */
@Injectable()
export class WatchSealWindows {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: RegistryRepository,
    private readonly gaps: GapBook,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
    private readonly env: RegistryEnv,
  ) {}

  /** One pass over at most `limit` establishments; how many it took. */
  watch(limit: number): Promise<number> {
    return schedulerPass(this.dataSource, this.outbox, this.clock, async (manager, now) => {
      const late = await this.repository.lateEstablishments(manager, now, limit);
      for (const e of late) {
        const held = await this.repository.sealTypesOf(manager, e.uscc);
        const missing = missingSealTypes(held, this.env.REGISTRY_REQUIRED_SEAL_TYPES);
        await manager.query(`UPDATE ${this.repository.t('establishment')} SET alerted = true WHERE uscc = $1`, [
          e.uscc,
        ]);
        if (missing.length === 0) continue;
        const names = missing.map((t) => SEAL_TYPE_NAMES[t as SealType] ?? t).join('、');
        await this.gaps.open(
          manager,
          {
            kind: 'seal-set-late',
            subject: e.uscc,
            uscc: e.uscc,
            department: e.department,
            since: e.dueAt,
            detail: `企业设立 (${e.approvalId}) 后未在时限内发放电子印章: 缺 ${names}`,
          },
          now,
        );
      }
      return { taken: late.length, events: [] };
    });
  }
}
