import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { AssertedCaller } from '@hub/assertion';
import { ProblemException } from '@hub/platform';
import { Clock } from '@hub/workdays';
import { RegistryRepository } from '../../registry.repository';
import type { LicenceRow, LicenceTypeRow } from '../../registry-rows';
import { AccessRecordsQuery } from './licence-query.dto';
import { READ_ANY_ROLES, licenceView, mayRead, seesPersonalData } from './licence-view';

/**
 * Licences by identifier or by holder, for the departments entitled to their type; every answer is recorded with
 * who asked, what and why (the `purpose`), in the transaction that reads it, and is visible to auditors and to the
 * issuing department.
 */
@Injectable()
export class QueryLicences {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: RegistryRepository,
    private readonly clock: Clock,
  ) {}

  byIdentifier(caller: AssertedCaller, licenceId: string, purpose: string) {
    return this.dataSource.transaction(async (manager) => {
      const licence = await this.repository.licence(manager, licenceId);
      if (!licence) throw new ProblemException(404, 'not-found', `no e-licence ${licenceId}`);
      const types = await this.typesOf(manager, [licence]);
      if (!mayRead(caller, types.get(licence.licenceType ?? ''), licence)) {
        throw new ProblemException(403, 'forbidden', `${caller.department} is not entitled to this licence type`, [
          {
            field: 'department',
            rule: 'entitledToLicenceType',
            message: 'only its issuing and reading departments may read it',
          },
        ]);
      }
      const [view] = await this.views(manager, caller, [licence]);
      await this.record(manager, caller, 'identifier', licenceId, purpose, [licence], view!.unmasked);
      return view!.licence;
    });
  }

  byHolder(caller: AssertedCaller, uscc: string, purpose: string) {
    return this.dataSource.transaction(async (manager) => {
      const all = await this.repository.licencesWhere(manager, 'holder_uscc = $1', [uscc]);
      const types = await this.typesOf(manager, all);
      const readable = all.filter((l) => mayRead(caller, types.get(l.licenceType ?? ''), l));
      const views = await this.views(manager, caller, readable);
      const seals = await this.repository.sealsOf(manager, uscc);
      const sealHistory = await this.repository.versionsOf(
        manager,
        'seal_version',
        'seal_code',
        seals.map((s) => s.sealCode),
      );
      const gaps = await this.repository.rows(
        manager,
        `SELECT * FROM ${this.repository.t('gap')} WHERE uscc = $1 ORDER BY since`,
        [uscc],
      );
      await this.record(
        manager,
        caller,
        'holder',
        uscc,
        purpose,
        readable,
        views.some((v) => v.unmasked),
      );
      return {
        uscc,
        licences: views.map((v) => v.licence),
        withheld: all.length - readable.length,
        seals: seals.map((s) => ({ ...s, history: sealHistory.filter((h) => h.sealCode === s.sealCode) })),
        gaps,
      };
    });
  }

  async accessRecords(caller: AssertedCaller, query: AccessRecordsQuery) {
    const params: unknown[] = [];
    const where: string[] = [];
    const auditor = caller.kind === 'person' && caller.roles.some((r) => READ_ANY_ROLES.includes(r) && r === 'auditor');
    if (!auditor) {
      params.push(caller.department);
      where.push(`$${params.length} = ANY (issuing_departments)`);
    }
    if (query.licenceId) {
      params.push(query.licenceId);
      where.push(`$${params.length} = ANY (licence_ids)`);
    }
    if (query.holder) {
      params.push(query.holder);
      where.push(`query = 'holder' AND value = $${params.length}`);
    }
    params.push(query.limit ?? 100);
    const records = await this.repository.rows(
      this.dataSource.manager,
      `SELECT * FROM ${this.repository.t('access_record')} ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY id DESC LIMIT $${params.length}`,
      params,
    );
    return { accessRecords: records };
  }

  private async typesOf(manager: EntityManager, licences: LicenceRow[]): Promise<Map<string, LicenceTypeRow>> {
    const codes = [...new Set(licences.map((l) => l.licenceType).filter((c): c is string => !!c))];
    const types = new Map<string, LicenceTypeRow>();
    for (const code of codes) {
      const type = await this.repository.licenceType(manager, code);
      if (type) types.set(code, type);
    }
    return types;
  }

  private async views(manager: EntityManager, caller: AssertedCaller, licences: LicenceRow[]) {
    const versions = await this.repository.versionsOf(
      manager,
      'licence_version',
      'licence_id',
      licences.map((l) => l.licenceId),
    );
    return licences.map((l) => {
      const unmasked = seesPersonalData(caller, l);
      return {
        unmasked,
        licence: licenceView(
          l,
          versions.filter((v) => v.licenceId === l.licenceId),
          unmasked,
        ),
      };
    });
  }

  private async record(
    manager: EntityManager,
    caller: AssertedCaller,
    query: 'identifier' | 'holder',
    value: string,
    purpose: string,
    licences: LicenceRow[],
    unmasked: boolean,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO ${this.repository.t('access_record')}
         (at, caller_kind, caller, caller_department, caller_name, roles, query, value, purpose, licence_ids, issuing_departments, unmasked)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
      [
        this.clock.now(),
        caller.kind,
        caller.subject,
        caller.department,
        caller.name ?? caller.system ?? null,
        [...caller.roles],
        query,
        value,
        purpose,
        licences.map((l) => l.licenceId),
        [...new Set(licences.map((l) => l.department))],
        unmasked,
      ],
    );
  }
}
