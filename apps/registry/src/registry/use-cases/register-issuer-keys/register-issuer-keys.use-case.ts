import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { parseUscc } from '@hub/contracts';
import { ProblemException } from '@hub/platform';
import { Clock } from '@hub/workdays';
import { firstFailure, keyAndSignature } from '../../../authenticity/licence-checks';
import { sm2PublicKeyFromPem } from '../../../authenticity/sm2';
import { GapBook, GapChange } from '../../gap-book';
import { RegistryRepository } from '../../registry.repository';
import type { IssuerKeyRow } from '../../registry-rows';

/**
 * The issuers' SM2 public keys, each registered by the department its issuer belongs to; another department cannot
 * replace it (409). The key checks the signatures of the e-licences aggregated from then on, and those of the
 * issuer's e-licences that failed for want of it are checked again (their gaps closing if they now check out).
 */
@Injectable()
export class RegisterIssuerKeys {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: RegistryRepository,
    private readonly clock: Clock,
    private readonly gaps: GapBook,
  ) {}

  list(): Promise<IssuerKeyRow[]> {
    return this.repository.issuerKeys(this.dataSource.manager);
  }

  async register(issuer: string, pem: string, department: string, by: string): Promise<IssuerKeyRow> {
    if (!parseUscc(issuer).valid) {
      throw new ProblemException(400, 'invalid-request', `${issuer} is not a 统一社会信用代码`, [
        { field: 'issuer', rule: 'isUscc', message: "issuer must be the issuing authority's 统一社会信用代码" },
      ]);
    }
    const key = sm2PublicKeyFromPem(pem);
    if (!key.ok) {
      throw new ProblemException(400, 'invalid-request', `publicKeyPem: ${key.reason}`, [
        {
          field: 'publicKeyPem',
          rule: 'isSm2PublicKey',
          message: `publicKeyPem must be an SM2 SubjectPublicKeyInfo PEM: ${key.reason}`,
        },
      ]);
    }
    return this.dataSource.transaction(async (manager) => {
      const existing = await this.repository.issuerKey(manager, issuer);
      if (existing && existing.department !== department) {
        throw new ProblemException(409, 'conflict', `issuer ${issuer}'s key is registered by ${existing.department}`, [
          { field: 'issuer', rule: 'ownIssuer', message: `only ${existing.department} may replace this issuer's key` },
        ]);
      }
      const row: IssuerKeyRow = {
        issuer,
        department,
        publicKeyPem: pem,
        publicKeyHex: key.hex,
        registeredAt: this.clock.now(),
        registeredBy: by,
      };
      await this.repository.upsert(manager, 'issuer_key', ['issuer'], row as unknown as Record<string, unknown>);
      await this.recheck(manager, row);
      return row;
    });
  }

  private async recheck(manager: EntityManager, key: IssuerKeyRow): Promise<void> {
    const now = this.clock.now();
    const failing = await this.repository.licencesWhere(
      manager,
      `issuer = $1 AND failed_check IN ('issuerKey', 'signature')`,
      [key.issuer],
    );
    const changes: GapChange[] = [];
    for (const licence of failing) {
      const [signed] = (await manager.query(
        `SELECT file, data FROM ${this.repository.t('licence_version')} WHERE licence_id = $1 AND file IS NOT NULL
         ORDER BY version DESC LIMIT 1`,
        [licence.licenceId],
      )) as { file: Buffer; data: { signature: string; signerId?: string } }[];
      if (!signed) continue;
      const type = licence.licenceType ? await this.repository.licenceType(manager, licence.licenceType) : undefined;
      const again = keyAndSignature(
        { issuer: key.issuer, signature: signed.data.signature, signerId: signed.data.signerId },
        { department: licence.department, licenceType: type, issuerKey: key, file: signed.file },
      );
      const checks = { ...licence.checks, ...again };
      const failure = firstFailure(checks);
      await manager.query(
        `UPDATE ${this.repository.t('licence')} SET checks = $2, failed_check = $3, failed_detail = $4, updated_at = $5 WHERE licence_id = $1`,
        [licence.licenceId, JSON.stringify(checks), failure?.check ?? null, failure?.detail ?? null, now],
      );
      changes.push(
        failure
          ? {
              op: 'open',
              facts: {
                kind: 'licence-invalid',
                subject: licence.licenceId,
                uscc: licence.holderUscc,
                department: licence.department,
                licenceType: licence.licenceType,
                check: failure.check,
                since: now,
                detail: `${failure.check}: ${failure.detail}`,
              },
            }
          : {
              op: 'close',
              kind: 'licence-invalid',
              subject: licence.licenceId,
              resolution: `issuer ${key.issuer}'s key registered`,
            },
      );
    }
    await this.gaps.applyAll(manager, changes, now);
  }
}
