import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type {
  CloudEvent,
  EnterpriseRegisteredV1Payload,
  LicenceDecision,
  LicenceDecisionBase,
  RiskClassGradedV1Payload,
} from '@hub/contracts';
import { RejectedMessage } from '@hub/messaging';
import { LicenceFact, TargetsRepository } from '../../targets.repository';

const LICENCE_STATUS: Record<LicenceDecision, LicenceFact['status']> = {
  granted: 'valid',
  changed: 'valid',
  renewed: 'valid',
  revoked: 'revoked',
  cancelled: 'cancelled',
};

/**
 * Keeps the target directory in step with the zone's register (审批局's registrations, deregistrations and licence
 * decisions) and with 市场监管分局's credit-risk grading. Each fact is kept apart, so that they may come in any order.
 */
@Injectable()
export class ReceiveRegister {
  constructor(private readonly targets: TargetsRepository) {}

  async registered(manager: EntityManager, events: CloudEvent<EnterpriseRegisteredV1Payload>[]): Promise<void> {
    await this.targets.upsert(
      manager,
      events.map(({ data }) => ({
        uscc: data!.uscc,
        name: data!.name,
        operator: data!.legalRepresentative,
        address: data!.address,
        industryCode: data!.industryCode,
        establishedOn: data!.establishedOn,
      })),
      'event',
    );
  }

  async deregistered(manager: EntityManager, uscc: string, on: string): Promise<void> {
    if (!(await this.targets.deregister(manager, uscc, on))) {
      throw new RejectedMessage([
        { field: 'data.uscc', rule: 'registered', message: `enterprise ${uscc} is not in the target directory` },
      ]);
    }
  }

  async licences(manager: EntityManager, decision: LicenceDecision, events: CloudEvent<LicenceDecisionBase>[]) {
    await this.targets.upsertLicences(
      manager,
      events.map(({ data }) => ({
        uscc: data!.uscc,
        licenceNo: data!.licenceNo,
        matterCode: data!.matterCode,
        status: LICENCE_STATUS[decision],
        decidedAt: data!.decidedAt,
      })),
    );
  }

  async graded(manager: EntityManager, events: CloudEvent<RiskClassGradedV1Payload>[]): Promise<void> {
    await this.targets.upsertRisk(
      manager,
      events.map(({ data }) => ({
        uscc: data!.uscc,
        riskClass: data!.riskClass,
        gradedOn: data!.gradedOn,
        source: data!.source,
        basis: data!.basis ?? null,
      })),
    );
  }
}
