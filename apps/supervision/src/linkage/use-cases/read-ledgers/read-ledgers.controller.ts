import { Controller, Get, Param, Query, UseGuards } from '@nestjs/common';
import { isCoordinator, isDepartmentCode } from '@hub/contracts';
import { ProblemException } from '@hub/platform';
import { AllowPeople, AssertedCaller, AssertionGuard, Caller } from '@hub/assertion';
import { LedgerQuery, StatsQuery } from './ledger.query';
import { ReadLedgers } from './read-ledgers.use-case';

/** Each department's ledger (台账) and the linkage's figures: a department reads its own; the coordinators, every one. */
@Controller('v1')
@UseGuards(AssertionGuard)
export class ReadLedgersController {
  constructor(private readonly ledgers: ReadLedgers) {}

  @Get('ledgers/:department')
  @AllowPeople({
    roles: ['supervisor', 'viewer'],
    ownDepartment: 'department',
    anyDepartment: ['operator', 'auditor', 'coordinator'],
  })
  ledger(@Param('department') department: string, @Query() query: LedgerQuery, @Caller() asserted: AssertedCaller) {
    const caller = asserted.department;
    if (!isDepartmentCode(department)) {
      throw new ProblemException(400, 'invalid-request', 'unknown department', [
        {
          field: 'department',
          rule: 'isDepartmentCode',
          message: 'department must be a code from seed/departments.json',
        },
      ]);
    }
    // A person's roles were checked by @AllowPeople (an operator or auditor reads any ledger); a system reads its own.
    if (asserted.kind === 'system' && caller !== department && !isCoordinator(caller)) {
      throw new ProblemException(403, 'forbidden', `${caller} may read only its own ledger`);
    }
    return this.ledgers.ledger(department, query.asOf, caller);
  }

  @Get('stats')
  @AllowPeople({ roles: 'any' })
  stats(@Query() query: StatsQuery) {
    return this.ledgers.stats(query.department);
  }
}
