import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { PushClaimRefusedV1, createEvent } from '@hub/contracts';
import { OutboxWriter, schedulerPass } from '@hub/messaging';
import { Clock } from '@hub/workdays';
import { SupervisionEnv } from '../../../supervision.env';
import { SOURCE } from '../../push-rows';
import { SupervisionRepository } from '../../supervision.repository';
import { holdExpired } from '../claim-push/claim.rules';

/** Claims held past the claim limit with no push: each is refused (push.claim-refused, with the reason) and forgotten. */
@Injectable()
export class RefuseExpiredHolds {
  constructor(
    private readonly dataSource: DataSource,
    private readonly pushes: SupervisionRepository,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
    private readonly env: SupervisionEnv,
  ) {}

  /** One scheduler pass over up to `limit` of them (locked, so replicas share the work); returns how many. */
  refuse(limit = 100): Promise<number> {
    return schedulerPass(this.dataSource, this.outbox, this.clock, (manager, now) =>
      this.refusalsOfExpired(manager, now, limit),
    );
  }

  /** The refusals of the claims taken, which are forgotten. */
  private async refusalsOfExpired(manager: EntityManager, now: Date, limit: number) {
    const expired = await this.pushes.heldUntil(manager, now, limit);
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
    for (const row of expired) await this.pushes.remove(manager, row.approvalId, row.department);
    return { taken: expired.length, events: refusals };
  }
}
