import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CloudEvent, LicenceDecisionBase, LicenceGrantedV1 } from '@hub/contracts';
import { Clock } from '@hub/workdays';
import { firstFailure, statusAgainstFacts } from '../../../authenticity/licence-checks';
import { RegistryEnv } from '../../../registry.env';
import { beijingDate } from '../../beijing';
import { GapBook } from '../../gap-book';
import { RegistryRepository } from '../../registry.repository';
import { sealSetComplete } from '../record-seals/seal-set';

/**
 * The 审批局's licence decisions (licence.granted, .revoked, .cancelled). A grant of a matter the catalogue makes a
 * licence of is owed an e-licence: it opens a licence-missing gap (应归尽归) until the e-licence arrives, unless it
 * came first. A grant of an establishing licence type (the business licence) starts the enterprise's seal window. A
 * revocation or cancellation checks the status of the e-licences of that approval again.
 */
@Injectable()
export class ReceiveGrants {
  constructor(
    private readonly repository: RegistryRepository,
    private readonly gaps: GapBook,
    private readonly clock: Clock,
    private readonly env: RegistryEnv,
  ) {}

  async receive(manager: EntityManager, events: CloudEvent<LicenceDecisionBase>[]): Promise<void> {
    for (const event of events) {
      if (event.type === LicenceGrantedV1.type) await this.granted(manager, event.data!);
      else await this.ended(manager, event.data!, event.type.includes('.revoked.') ? 'revoked' : 'cancelled');
    }
  }

  private async granted(manager: EntityManager, d: LicenceDecisionBase): Promise<void> {
    const type = await this.repository.licenceTypeOfMatter(manager, d.matterCode);
    if (!type) return;
    await this.repository.lock(manager, `approval:${d.approvalId}`);
    if (await this.repository.grant(manager, d.approvalId)) return;
    const now = this.clock.now();
    const decidedAt = new Date(d.decidedAt);
    const department = type.issuingDepartments[0]!;
    const [early] = await this.repository.licencesWhere(manager, 'approval_id = $1', [d.approvalId]);
    await this.repository.insert(manager, 'granted_licence', {
      approvalId: d.approvalId,
      uscc: d.uscc,
      matterCode: d.matterCode,
      licenceType: type.typeCode,
      department,
      decidedAt,
      decision: 'granted',
      licenceId: early?.licenceId ?? null,
      aggregatedAt: early?.receivedAt ?? null,
      delayMs: early ? Math.max(0, new Date(early.receivedAt).getTime() - decidedAt.getTime()) : null,
    });
    if (!early) {
      await this.gaps.open(
        manager,
        {
          kind: 'licence-missing',
          subject: d.approvalId,
          uscc: d.uscc,
          department,
          licenceType: type.typeCode,
          since: decidedAt,
          detail: `${type.name} ${d.licenceNo} 已许可，电子证照未归集`,
        },
        now,
      );
    }
    if (type.establishes) await this.repository.lock(manager, `holder:${d.uscc}`);
    if (type.establishes && !(await this.repository.establishment(manager, d.uscc))) {
      const held = await this.repository.sealTypesOf(manager, d.uscc);
      const complete = sealSetComplete(held, this.env.REGISTRY_REQUIRED_SEAL_TYPES);
      await this.repository.insert(manager, 'establishment', {
        uscc: d.uscc,
        approvalId: d.approvalId,
        department,
        establishedAt: decidedAt,
        dueAt: new Date(decidedAt.getTime() + this.env.REGISTRY_SEAL_WINDOW_MS),
        sealsCompleteAt: complete ? now : null,
        alerted: false,
      });
    }
  }

  private async ended(
    manager: EntityManager,
    d: LicenceDecisionBase,
    decision: 'revoked' | 'cancelled',
  ): Promise<void> {
    const grant = await this.repository.grant(manager, d.approvalId, true);
    if (!grant) return;
    await manager.query(`UPDATE ${this.repository.t('granted_licence')} SET decision = $2 WHERE approval_id = $1`, [
      d.approvalId,
      decision,
    ]);
    const now = this.clock.now();
    const type = await this.repository.licenceType(manager, grant.licenceType);
    for (const licence of await this.repository.licencesWhere(manager, 'approval_id = $1', [d.approvalId])) {
      const status = statusAgainstFacts(licence.status, licence.validFrom, licence.validUntil, {
        decision,
        today: beijingDate(now),
        licenceType: type,
      });
      const checks = { ...licence.checks, status };
      const failure = firstFailure(checks);
      await manager.query(
        `UPDATE ${this.repository.t('licence')} SET checks = $2, failed_check = $3, failed_detail = $4, updated_at = $5 WHERE licence_id = $1`,
        [licence.licenceId, JSON.stringify(checks), failure?.check ?? null, failure?.detail ?? null, now],
      );
      if (failure) {
        await this.gaps.open(
          manager,
          {
            kind: 'licence-invalid',
            subject: licence.licenceId,
            uscc: licence.holderUscc,
            department: licence.department,
            licenceType: licence.licenceType,
            check: failure.check,
            since: now,
            detail: `${failure.check}: ${failure.detail}`,
          },
          now,
        );
      }
    }
  }
}
