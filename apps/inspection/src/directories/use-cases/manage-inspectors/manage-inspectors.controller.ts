import { Body, Controller, Get, Param, Put, Query, UseGuards } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AllowPeople, AssertionGuard, CallerDepartment } from '@hub/assertion';
import { ProblemException } from '@hub/platform';
import { READERS } from '../../../people';
import { Inspector, InspectorsRepository } from '../../inspectors.repository';
import { InspectorDto } from './inspector.dto';

const CERTIFICATE_NO = /^[A-Za-z0-9._:-]{1,64}$/;

/** The inspector directory (执法检查人员名录库): a department keeps its own inspectors (also by CSV import). */
@Controller('v1/inspectors')
@UseGuards(AssertionGuard)
export class ManageInspectorsController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly inspectors: InspectorsRepository,
  ) {}

  @Get()
  @AllowPeople({ roles: READERS })
  list(@Query('department') department?: string): Promise<Inspector[]> {
    return this.inspectors.list(this.dataSource.manager, department === undefined ? undefined : [department]);
  }

  @Put(':certificateNo')
  @AllowPeople({ roles: ['supervisor'], ownDepartment: true })
  async put(
    @Param('certificateNo') certificateNo: string,
    @Body() dto: InspectorDto,
    @CallerDepartment() department: string,
  ): Promise<Inspector> {
    if (!CERTIFICATE_NO.test(certificateNo)) {
      throw new ProblemException(400, 'invalid-request', 'the certificate number is invalid', [
        { field: 'certificateNo', rule: 'matches', message: 'certificateNo must be 1-64 letters, digits or ._:-' },
      ]);
    }
    if (dto.validUntil < dto.validFrom) {
      throw new ProblemException(400, 'invalid-request', 'the certificate validity is invalid', [
        { field: 'validUntil', rule: 'notBeforeValidFrom', message: 'validUntil must not be before validFrom' },
      ]);
    }
    return this.dataSource.transaction(async (m) => {
      const held = await this.inspectors.find(m, certificateNo);
      if (held && held.department !== department) {
        throw new ProblemException(409, 'conflict', `certificate ${certificateNo} is ${held.department}'s inspector`);
      }
      const inspector: Inspector = { certificateNo, department, ...dto, active: dto.active ?? true };
      await this.inspectors.upsert(m, [inspector]);
      return inspector;
    });
  }
}
