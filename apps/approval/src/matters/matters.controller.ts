import { Body, Controller, Get, Param, Put, UseGuards } from '@nestjs/common';
import { MATTER_CODE } from '@hub/contracts';
import { ProblemException } from '@hub/platform';
import { AllowDepartments, AllowPeople, AssertionGuard, CallerDepartment } from '@hub/assertion';
import { PutMatterDto } from './dto/put-matter.dto';
import { MatterVersion } from './entities/matter-version.entity';
import { MattersService } from './matters.service';

function checkCode(code: string): string {
  if (!MATTER_CODE.test(code)) {
    throw new ProblemException(400, 'invalid-request', 'the matter code is invalid', [
      { field: 'code', rule: 'matches', message: 'code must be upper-case letters, digits and -, e.g. SPJ-SPJY-001' },
    ]);
  }
  return code;
}

/** The catalogue of matters and the responsibility list: read by any department, changed by the 审批局 or the coordinators. */
@Controller('v1/matters')
@UseGuards(AssertionGuard)
export class MattersController {
  constructor(private readonly matters: MattersService) {}

  @Get()
  @AllowPeople({ roles: 'any' })
  list(): Promise<MatterVersion[]> {
    return this.matters.list();
  }

  @Get(':code')
  @AllowPeople({ roles: 'any' })
  versions(@Param('code') code: string): Promise<MatterVersion[]> {
    return this.matters.versions(checkCode(code));
  }

  @Put(':code')
  @AllowDepartments('SPJ', 'ZFW', 'DZB', 'YFZQB')
  @AllowPeople({ roles: ['coordinator'] })
  put(
    @Param('code') code: string,
    @Body() dto: PutMatterDto,
    @CallerDepartment() department: string,
  ): Promise<MatterVersion> {
    return this.matters.put(checkCode(code), dto, department);
  }
}
