import { Controller, Get, UseGuards } from '@nestjs/common';
import { AllowDepartments, AllowPeople, AssertionGuard } from '@hub/assertion';
import { OPERATORS } from '../dead-letters/dead-letters.controller';
import { Overview, OperationsService } from './operations.service';

/** The operators' overview (信息化中心): readiness, counters, lag, the ledger, open dead letters. */
@Controller('v1/operations')
@UseGuards(AssertionGuard)
@AllowDepartments(OPERATORS)
export class OperationsController {
  constructor(private readonly operations: OperationsService) {}

  @Get('overview')
  @AllowPeople({ roles: ['operator', 'auditor', 'admin'] })
  overview(): Promise<Overview> {
    return this.operations.overview();
  }
}
