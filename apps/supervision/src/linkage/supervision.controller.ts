import { Body, Controller, Get, HttpCode, Param, Post, Query, UseGuards } from '@nestjs/common';
import { isDepartmentCode } from '@hub/contracts';
import { ProblemException } from '@hub/platform';
import { CallerDepartment, DepartmentAuthGuard } from '@hub/department-auth';
import { ClaimDto, LedgerQuery, ReturnDto, StatsQuery, SuperviseDto } from './dto/linkage.dto';
import { LedgersService } from './ledgers.service';
import { SupervisionService } from './supervision.service';

const COORDINATORS = ['ZFW', 'DZB'];

/**
 * The supervising departments' side of 审管衔接, for their systems and supervisors: claim, return, supervise; and
 * the ledgers and figures. A department acts only on its own pushes; the coordinators may read every ledger.
 */
@Controller('v1')
@UseGuards(DepartmentAuthGuard)
export class SupervisionController {
  constructor(
    private readonly supervision: SupervisionService,
    private readonly ledgers: LedgersService,
  ) {}

  @Post('claims')
  @HttpCode(200)
  claim(@Body() dto: ClaimDto, @CallerDepartment() department: string) {
    return this.supervision.claim(department, dto);
  }

  @Post('returns')
  @HttpCode(200)
  returnPush(@Body() dto: ReturnDto, @CallerDepartment() department: string) {
    return this.supervision.returnPush(department, dto);
  }

  @Post('supervisions')
  supervise(@Body() dto: SuperviseDto, @CallerDepartment() department: string) {
    return this.supervision.supervise(department, dto);
  }

  @Get('ledgers/:department')
  ledger(@Param('department') department: string, @Query() query: LedgerQuery, @CallerDepartment() caller: string) {
    if (!isDepartmentCode(department)) {
      throw new ProblemException(400, 'invalid-request', 'unknown department', [
        {
          field: 'department',
          rule: 'isDepartmentCode',
          message: 'department must be a code from seed/departments.json',
        },
      ]);
    }
    if (caller !== department && !COORDINATORS.includes(caller)) {
      throw new ProblemException(403, 'forbidden', `${caller} may read only its own ledger`);
    }
    return this.ledgers.ledger(department, query.asOf);
  }

  @Get('stats')
  stats(@Query() query: StatsQuery) {
    return this.ledgers.stats(query.department);
  }
}
