import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CloudEvent, LicenceRecordBase, LicenceStatusBase, licenceFileBytes, parseLicenceId } from '@hub/contracts';
import type { HubMessageMeta } from '@hub/messaging';
import { Clock } from '@hub/workdays';
import { checkRecord, firstFailure, statusAgainstFacts, transitionOf } from '../../../authenticity/licence-checks';
import { beijingDate } from '../../beijing';
import { GapBook, GapChange } from '../../gap-book';
import { RegistryRepository } from '../../registry.repository';
import type {
  CheckResults,
  GrantedLicenceRow,
  IssuerKeyRow,
  LicenceRow,
  LicenceStatus,
  LicenceTypeRow,
} from '../../registry-rows';

/** The status an e-licence event puts its record in: the verb of its type. */
export function statusOfType(type: string): LicenceStatus {
  const verb = /^zone\.registry\.e-licence\.([a-z]+)\.v\d+$/.exec(type)?.[1];
  const statuses: LicenceStatus[] = ['issued', 'changed', 'renewed', 'suspended', 'expired', 'revoked', 'cancelled'];
  if (!statuses.includes(verb as LicenceStatus)) throw new Error(`not an e-licence lifecycle type: ${type}`);
  return verb as LicenceStatus;
}

const SIGNED: readonly LicenceStatus[] = ['issued', 'changed', 'renewed'];

/** What a batch reads once: the licences, their grants, types and issuers' keys. */
interface Known {
  licences: Map<string, LicenceRow>;
  grants: Map<string, GrantedLicenceRow>;
  types: Map<string, LicenceTypeRow>;
  keys: Map<string, IssuerKeyRow>;
}

/**
 * 电子证照 from the issuing departments' systems. Each version is kept; a signed one (issued, changed, renewed) is
 * checked for 真实有效 (identifier, digest, issuer key, signature, status) and a status change checks the status
 * again. An e-licence closes its grant's licence-missing gap and records the delay grant→aggregation (实时汇聚);
 * a failing check opens its licence-invalid gap, naming the check, and a version that passes closes it. A batch is
 * read with a statement per table and written with a statement per table, in the events' order.
 */
@Injectable()
export class RecordLicences {
  constructor(
    private readonly repository: RegistryRepository,
    private readonly gaps: GapBook,
    private readonly clock: Clock,
  ) {}

  async record(manager: EntityManager, events: CloudEvent[], metas: HubMessageMeta[]): Promise<void> {
    const now = this.clock.now();
    const known = await this.read(manager, events);
    const versions: Record<string, unknown>[] = [];
    const changed = new Map<string, LicenceRow>();
    const links: { approvalId: string; licenceId: string; aggregatedAt: Date; delayMs: number }[] = [];
    const gaps: GapChange[] = [];
    for (const [i, event] of events.entries()) {
      const acceptedAt = new Date(Number(metas[i]?.timestamp ?? now.getTime()));
      const { row, file } = this.next(event, known, acceptedAt, now);
      known.licences.set(row.licenceId, row);
      changed.set(row.licenceId, row);
      versions.push({
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
      const grant = row.approvalId ? known.grants.get(row.approvalId) : undefined;
      if (grant && !grant.licenceId) {
        const delayMs = Math.max(0, acceptedAt.getTime() - new Date(grant.decidedAt).getTime());
        known.grants.set(grant.approvalId, { ...grant, licenceId: row.licenceId, aggregatedAt: acceptedAt, delayMs });
        links.push({ approvalId: grant.approvalId, licenceId: row.licenceId, aggregatedAt: acceptedAt, delayMs });
        const resolution = `e-licence ${row.licenceId} arrived`;
        gaps.push({ op: 'close', kind: 'licence-missing', subject: grant.approvalId, resolution });
      }
      gaps.push(invalidGap(row, acceptedAt));
    }
    await this.repository.upsertMany(manager, 'licence', ['licenceId'], [...changed.values()] as never[]);
    await this.repository.insertMany(manager, 'licence_version', versions);
    await this.repository.linkGrants(manager, links);
    await this.gaps.applyAll(manager, gaps, now);
  }

  private async read(manager: EntityManager, events: CloudEvent[]): Promise<Known> {
    const ids = [...new Set(events.map((e) => (e.data as LicenceStatusBase).licenceId))];
    const records = events.filter((e) => SIGNED.includes(statusOfType(e.type))).map((e) => e.data as LicenceRecordBase);
    const licences = await this.repository.licencesById(manager, ids);
    const approvals = [
      ...new Set(
        [...records.map((r) => r.approvalId), ...[...licences.values()].map((l) => l.approvalId)].filter(
          (a): a is string => !!a,
        ),
      ),
    ];
    // An e-licence and its grant come on different topics: whichever is second must see the first (see the grants).
    await this.repository.lockAll(
      manager,
      approvals.map((a) => `approval:${a}`),
    );
    const codes = [
      ...records.map((r) => parseLicenceId(r.licenceId)).map((p) => (p.valid ? p.parts.typeCode : undefined)),
      ...[...licences.values()].map((l) => l.licenceType),
    ].filter((c): c is string => !!c);
    return {
      licences,
      grants: await this.repository.grantsById(manager, approvals),
      types: await this.repository.licenceTypesByCode(manager, [...new Set(codes)]),
      keys: await this.repository.issuerKeysById(manager, [...new Set(records.map((r) => r.issuer))]),
    };
  }

  /** The record after one event, with its checks. */
  private next(event: CloudEvent, known: Known, acceptedAt: Date, now: Date): { row: LicenceRow; file: Buffer | null } {
    const status = statusOfType(event.type);
    const department = event.department as string;
    const { licenceId } = event.data as LicenceStatusBase;
    const existing = known.licences.get(licenceId);
    if (existing && existing.department !== department) {
      throw new Error(`e-licence ${licenceId} was aggregated by ${existing.department}, not ${department}`);
    }
    const transition = transitionOf(existing?.status ?? 'none', status);
    if (SIGNED.includes(status)) {
      const record = event.data as LicenceRecordBase;
      const file = licenceFileBytes(record.file);
      const parsed = parseLicenceId(record.licenceId);
      const typeCode = parsed.valid ? parsed.parts.typeCode : null;
      const checks = checkRecord(record, {
        department,
        licenceType: typeCode ? known.types.get(typeCode) : undefined,
        issuerKey: known.keys.get(record.issuer),
        file,
        status,
        transition,
        decision: record.approvalId ? known.grants.get(record.approvalId)?.decision : undefined,
        today: beijingDate(now),
      });
      const row = signedRow(record, { typeCode, department, status, transition, existing, acceptedAt, now, checks });
      return { row: withFailure(row), file };
    }
    if (!existing) throw new Error(`e-licence ${licenceId} is not known: ${status} needs its issued record first`);
    const checked = transition.ok
      ? statusAgainstFacts(status, existing.validFrom, existing.validUntil, {
          decision: existing.approvalId ? known.grants.get(existing.approvalId)?.decision : undefined,
          today: beijingDate(now),
          licenceType: existing.licenceType ? known.types.get(existing.licenceType) : undefined,
        })
      : { ok: false, detail: transition.detail };
    const checks: CheckResults = { ...existing.checks, status: checked };
    // A refused step keeps the status the record had; the failing check says why.
    const row = {
      ...existing,
      status: transition.ok ? status : existing.status,
      version: existing.version + 1,
      checks,
      updatedAt: now,
    };
    return { row: withFailure(row), file: null };
  }
}

function signedRow(
  record: LicenceRecordBase,
  f: {
    typeCode: string | null;
    department: string;
    status: LicenceStatus;
    transition: ReturnType<typeof transitionOf>;
    existing?: LicenceRow;
    acceptedAt: Date;
    now: Date;
    checks: CheckResults;
  },
): LicenceRow {
  return {
    licenceId: record.licenceId,
    licenceType: f.typeCode,
    issuer: record.issuer,
    department: f.department,
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
    status: f.transition.ok ? f.status : (f.existing?.status ?? f.status),
    version: (f.existing?.version ?? 0) + 1,
    fileDigest: record.fileDigest.toLowerCase(),
    receivedAt: f.existing?.receivedAt ?? f.acceptedAt,
    updatedAt: f.now,
    checks: f.checks,
    failedCheck: null,
    failedDetail: null,
  };
}

function withFailure(row: LicenceRow): LicenceRow {
  const failure = firstFailure(row.checks);
  return { ...row, failedCheck: failure?.check ?? null, failedDetail: failure?.detail ?? null };
}

/** The record's licence-invalid gap: opened naming the first failing check, or closed when every check passes. */
function invalidGap(row: LicenceRow, acceptedAt: Date): GapChange {
  if (!row.failedCheck) {
    return {
      op: 'close',
      kind: 'licence-invalid',
      subject: row.licenceId,
      resolution: `version ${row.version} checks out`,
    };
  }
  return {
    op: 'open',
    facts: {
      kind: 'licence-invalid',
      subject: row.licenceId,
      uscc: row.holderUscc,
      department: row.department,
      licenceType: row.licenceType,
      check: row.failedCheck,
      since: acceptedAt,
      detail: `${row.failedCheck}: ${row.failedDetail ?? ''}`,
    },
  };
}

function withoutFile(data: object): object {
  const { file, ...rest } = data as { file?: { mediaType: string; content: string[] } };
  return file ? { ...rest, file: { mediaType: file.mediaType, bytes: licenceFileBytes(file).length } } : rest;
}
