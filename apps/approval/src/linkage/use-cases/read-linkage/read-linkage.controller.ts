import { Controller, Get, Param, Query, UseGuards } from '@nestjs/common';
import { COORDINATORS } from '@hub/contracts';
import { AllowDepartments, AllowPeople, AssertionGuard, CallerDepartment } from '@hub/assertion';
import { APPROVAL_BUREAU } from '../../linkage.types';
import { AsOfQuery, RevocationRequestsQuery } from './as-of.query';
import { ReadLinkage } from './read-linkage.use-case';

/** 审管衔接 as the 审批局 and the coordinators see it. Any department may read an approval's timeline. */
@Controller('v1')
@UseGuards(AssertionGuard)
export class ReadLinkageController {
  constructor(private readonly queries: ReadLinkage) {}

  @Get('approvals/:approvalId/timeline')
  @AllowPeople({ roles: 'any' })
  timeline(@Param('approvalId') approvalId: string, @CallerDepartment() caller: string) {
    return this.queries.timeline(approvalId, caller);
  }

  @Get('coordination/queue')
  @AllowDepartments(...COORDINATORS, APPROVAL_BUREAU)
  @AllowPeople({ roles: ['coordinator'] })
  queue(@Query() query: AsOfQuery) {
    return this.queries.coordinationQueue(query.asOf);
  }

  @Get('revocation-requests')
  @AllowDepartments(...COORDINATORS, APPROVAL_BUREAU)
  @AllowPeople({ roles: ['coordinator'] })
  revocationRequests(@Query() query: RevocationRequestsQuery) {
    return this.queries.revocationRequests(query.state);
  }
}
