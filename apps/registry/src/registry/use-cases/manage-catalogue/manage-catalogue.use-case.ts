import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { parseUscc } from '@hub/contracts';
import { ProblemException } from '@hub/platform';
import { Clock } from '@hub/workdays';
import { RegistryRepository } from '../../registry.repository';
import type { LicenceTypeRow } from '../../registry-rows';
import { LicenceTypeDto, TYPE_CODE } from './licence-type.dto';

/** The licence catalogue (证照目录): licence types by GB/T 36904 type code. */
@Injectable()
export class ManageCatalogue {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: RegistryRepository,
    private readonly clock: Clock,
  ) {}

  list(): Promise<LicenceTypeRow[]> {
    return this.repository.licenceTypes(this.dataSource.manager);
  }

  async put(typeCode: string, dto: LicenceTypeDto, by: string): Promise<{ created: boolean; type: LicenceTypeRow }> {
    checkTypeCode(typeCode);
    const row: LicenceTypeRow = {
      typeCode,
      name: dto.name,
      issuingDepartments: [...new Set(dto.issuingDepartments)],
      matterCodes: [...new Set(dto.matterCodes)],
      readerDepartments: [...new Set(dto.readerDepartments ?? [])],
      validityMonths: dto.validityMonths ?? null,
      establishes: dto.establishes ?? false,
      updatedAt: this.clock.now(),
      updatedBy: by,
    };
    return this.dataSource.transaction(async (manager) => {
      const existing = await this.repository.licenceType(manager, typeCode);
      await this.repository.upsert(manager, 'licence_type', ['typeCode'], row as unknown as Record<string, unknown>);
      return { created: !existing, type: row };
    });
  }
}

/** The type code's shape and its defining body's 统一社会信用代码, or a 400 naming the rule. */
export function checkTypeCode(typeCode: string): void {
  const uscc = TYPE_CODE.test(typeCode) ? parseUscc(typeCode.slice(0, 18)) : undefined;
  if (!uscc?.valid) {
    throw new ProblemException(400, 'invalid-request', `${typeCode} is not a GB/T 36904 licence type code`, [
      {
        field: 'typeCode',
        rule: 'isLicenceTypeCode',
        message: `typeCode must be the defining body's 统一社会信用代码 followed by 3 digits${uscc && !uscc.valid ? `: ${uscc.reason ?? ''}` : ''}`,
      },
    ]);
  }
}
