import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CloudEvent, LicenceRecordBase, LicenceStatusBase, parseLicenceId } from '@hub/contracts';
import type { HubMessageMeta } from '@hub/messaging';
import { Clock } from '@hub/workdays';
import { checkRecord, firstFailure, statusAgainstFacts, transitionOf } from '../../../authenticity/licence-checks';
import { beijingDate } from '../../beijing';
import { GapBook } from '../../gap-book';
import { RegistryRepository } from '../../registry.repository';
import type { CheckResults, LicenceRow, LicenceStatus } from '../../registry-rows';

/** The status an e-licence event puts its record in: the verb of its type. */
export function statusOfType(type: string): LicenceStatus {
  const verb = /^zone\.registry\.e-licence\.([a-z]+)\.v\d+$/.exec(type)?.[1];
  const statuses: LicenceStatus[] = ['issued', 'changed', 'renewed', 'suspended', 'expired', 'revoked', 'cancelled'];
  if (!statuses.includes(verb as LicenceStatus)) throw new Error(`not an e-licence lifecycle type: ${type}`);
  return verb as LicenceStatus;
}

const SIGNED: readonly LicenceStatus[] = ['issued', 'changed', 'renewed'];

/**
 * 电子证照 from the issuing departments' systems. Each version is kept; a signed one (issued, changed, renewed) is
 * checked for 真实有效 (identifier, digest, issuer key, signature, status) and a status change checks the status
 * again. An e-licence closes its grant's licence-missing gap and records the delay grant→aggregation (实时汇聚);
 * a failing check opens its licence-invalid gap, naming the check, and a version that passes closes it.
 */
@Injectable()
export class RecordLicences {
  constructor(
    private readonly repository: RegistryRepository,
    private readonly gaps: GapBook,
    private readonly clock: Clock,
  ) {}

  async record(manager: EntityManager, events: CloudEvent[], metas: HubMessageMeta[]): Promise<void> {
    for (const [i, event] of events.entries()) {
      const acceptedAt = new Date(Number(metas[i]?.timestamp ?? Date.now()));
      await this.recordOne(manager, event, acceptedAt);
    }
  }

  private async recordOne(manager: EntityManager, event: CloudEvent, acceptedAt: Date): Promise<void> {
    const status = statusOfType(event.type);
    const department = event.department as string;
    const now = this.clock.now();
    const ref = event.data as LicenceStatusBase;
    const existing = await this.repository.licence(manager, ref.licenceId, true);
    if (existing && existing.department !== department) {
      throw new Error(`e-licence ${ref.licenceId} was aggregated by ${existing.department}, not ${department}`);
    }
    const transition = transitionOf(existing?.status ?? 'none', status);
    let row: LicenceRow;
    let file: Buffer | null = null;
    if (SIGNED.includes(status)) {
      const record = event.data as LicenceRecordBase;
      file = Buffer.from(record.file.content, 'base64');
      row = await this.signedRow(manager, record, file, { status, department, transition, existing, acceptedAt, now });
    } else {
      if (!existing)
        throw new Error(`e-licence ${ref.licenceId} is not known: ${status} needs its issued record first`);
      const grant = existing.approvalId ? await this.repository.grant(manager, existing.approvalId) : undefined;
      const type = existing.licenceType ? await this.repository.licenceType(manager, existing.licenceType) : undefined;
      const checked = transition.ok
        ? statusAgainstFacts(status, existing.validFrom, existing.validUntil, {
            decision: grant?.decision,
            today: beijingDate(now),
            licenceType: type,
          })
        : { ok: false, detail: transition.detail };
      const checks: CheckResults = { ...existing.checks, status: checked };
      // A refused step keeps the status the record had; the failing check says why.
      row = { ...existing, status: transition.ok ? status : existing.status, checks, updatedAt: now };
    }
    const failure = firstFailure(row.checks);
    row = { ...row, failedCheck: failure?.check ?? null, failedDetail: failure?.detail ?? null };
    await this.repository.upsert(manager, 'licence', ['licenceId'], row as unknown as Record<string, unknown>);
    await this.repository.insert(manager, 'licence_version', {
      licenceId: row.licenceId,
      version: row.version,
      eventId: event.id,
      eventType: event.type,
      status: row.status,
      data: withoutFile(event.data as object),
      file,
      receivedAt: acceptedAt,
      failedCheck: row.failedCheck,
    });
    await this.gapsOf(manager, row, failure, acceptedAt, now);
  }

  private async signedRow(
    manager: EntityManager,
    record: LicenceRecordBase,
    file: Buffer,
    facts: {
      status: LicenceStatus;
      department: string;
      transition: ReturnType<typeof transitionOf>;
      existing?: LicenceRow;
      acceptedAt: Date;
      now: Date;
    },
  ): Promise<LicenceRow> {
    const parsed = parseLicenceId(record.licenceId);
    const typeCode = parsed.valid ? parsed.parts.typeCode : null;
    const licenceType = typeCode ? await this.repository.licenceType(manager, typeCode) : undefined;
    const key = await this.repository.issuerKey(manager, record.issuer);
    const grant = record.approvalId ? await this.repository.grant(manager, record.approvalId) : undefined;
    const checks = checkRecord(record, {
      department: facts.department,
      licenceType,
      issuerKey: key,
      file,
      status: facts.status,
      transition: facts.transition,
      decision: grant?.decision,
      today: beijingDate(facts.now),
    });
    return {
      licenceId: record.licenceId,
      licenceType: typeCode,
      issuer: record.issuer,
      department: facts.department,
      licenceName: record.licenceName,
      holderKind: record.holderKind,
      holderUscc: record.holderUscc ?? null,
      holderName: record.holderName ?? null,
      personName: record.personName ?? null,
      personIdNumber: record.personIdNumber ?? null,
      approvalId: record.approvalId ?? null,
      issuedOn: record.issuedOn,
      validFrom: record.validFrom,
      validUntil: record.validUntil ?? null,
      status: facts.transition.ok ? facts.status : (facts.existing?.status ?? facts.status),
      version: (facts.existing?.version ?? 0) + 1,
      fileDigest: record.fileDigest.toLowerCase(),
      receivedAt: facts.existing?.receivedAt ?? facts.acceptedAt,
      updatedAt: facts.now,
      checks,
      failedCheck: null,
      failedDetail: null,
    };
  }

  private async gapsOf(
    manager: EntityManager,
    row: LicenceRow,
    failure: ReturnType<typeof firstFailure>,
    acceptedAt: Date,
    now: Date,
  ): Promise<void> {
    if (row.approvalId) {
      await this.repository.lock(manager, `approval:${row.approvalId}`);
      const grant = await this.repository.grant(manager, row.approvalId, true);
      if (grant && !grant.licenceId) {
        const delayMs = Math.max(0, acceptedAt.getTime() - new Date(grant.decidedAt).getTime());
        await manager.query(
          `UPDATE ${this.repository.t('granted_licence')} SET licence_id = $2, aggregated_at = $3, delay_ms = $4 WHERE approval_id = $1`,
          [grant.approvalId, row.licenceId, acceptedAt, delayMs],
        );
        await this.gaps.close(manager, 'licence-missing', grant.approvalId, `e-licence ${row.licenceId} arrived`, now);
      }
    }
    if (failure) {
      await this.gaps.open(
        manager,
        {
          kind: 'licence-invalid',
          subject: row.licenceId,
          uscc: row.holderUscc,
          department: row.department,
          licenceType: row.licenceType,
          check: failure.check,
          since: acceptedAt,
          detail: `${failure.check}: ${failure.detail}`,
        },
        now,
      );
    } else {
      await this.gaps.close(manager, 'licence-invalid', row.licenceId, `version ${row.version} checks out`, now);
    }
  }
}

function withoutFile(data: object): object {
  const { file, ...rest } = data as { file?: { mediaType: string; content: string } };
  return file
    ? { ...rest, file: { mediaType: file.mediaType, bytes: Buffer.from(file.content, 'base64').length } }
    : rest;
}
