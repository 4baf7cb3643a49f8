import { Body, Controller, Get, Param, Put, Res, UseGuards } from '@nestjs/common';
import type { Response } from 'express';
import { AllowDepartments, AllowPeople, AssertedCaller, AssertionGuard, Caller } from '@hub/assertion';
import { LicenceTypeDto } from './licence-type.dto';
import { ManageCatalogue } from './manage-catalogue.use-case';

/** The catalogue's keepers: 审批局 (SPJ) and 信息化中心 (XXHZX), whose admins and systems maintain it. */
export const CATALOGUE_KEEPERS = ['SPJ', 'XXHZX'];

@Controller('v1')
@UseGuards(AssertionGuard)
export class CatalogueController {
  constructor(private readonly catalogue: ManageCatalogue) {}

  @Get('licence-types')
  @AllowPeople({ roles: 'any' })
  async list() {
    return { licenceTypes: await this.catalogue.list() };
  }

  /** 201 for a new type, 200 for a changed one. */
  @Put('licence-types/:typeCode')
  @AllowDepartments(...CATALOGUE_KEEPERS)
  @AllowPeople({ roles: ['admin', 'coordinator'] })
  async put(
    @Param('typeCode') typeCode: string,
    @Body() dto: LicenceTypeDto,
    @Caller() caller: AssertedCaller,
    @Res({ passthrough: true }) response: Response,
  ) {
    const { created, type } = await this.catalogue.put(
      typeCode,
      dto,
      `${caller.department}/${caller.name ?? caller.system ?? caller.subject}`,
    );
    response.status(created ? 201 : 200);
    return type;
  }
}
