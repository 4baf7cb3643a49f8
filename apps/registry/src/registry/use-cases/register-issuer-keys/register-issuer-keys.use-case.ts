import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { parseUscc } from '@hub/contracts';
import { ProblemException } from '@hub/platform';
import { Clock } from '@hub/workdays';
import { sm2PublicKeyFromPem } from '../../../authenticity/sm2';
import { RegistryRepository } from '../../registry.repository';
import type { IssuerKeyRow } from '../../registry-rows';

/**
 * The issuers' SM2 public keys, each registered by the department its issuer belongs to; another department cannot
 * replace it (409). The key checks the signatures of the e-licences aggregated from then on.
 */
@Injectable()
export class RegisterIssuerKeys {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: RegistryRepository,
    private readonly clock: Clock,
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
      return row;
    });
  }
}
