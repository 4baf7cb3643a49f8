import { Body, Controller, Get, Param, Post, Query, UseGuards } from '@nestjs/common';
import { AllowDepartments, AllowPeople, AssertionGuard, CallerDepartment } from '@hub/assertion';
import { AsOfQuery, RevocationRequestsQuery } from './dto/as-of.query';
import { AssignDto } from './dto/assign.dto';
import { LinkageQueriesService } from './linkage-queries.service';
import { LinkageService } from './linkage.service';
import { APPROVAL_BUREAU, COORDINATORS } from './linkage.types';

/** 审管衔接 as the 审批局 and the coordinators see it. Any department may read an approval's timeline. */
@Controller('v1')
@UseGuards(AssertionGuard)
export class LinkageController {
  constructor(
    private readonly linkage: LinkageService,
    private readonly queries: LinkageQueriesService,
  ) {}

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

  /** The coordinator assigns an unassigned approval or re-routes a returned one; the assignment is recorded. */
  @Post('approvals/:approvalId/assignments')
  @AllowDepartments(...COORDINATORS)
  @AllowPeople({ roles: ['coordinator'] })
  assign(@Param('approvalId') approvalId: string, @Body() dto: AssignDto, @CallerDepartment() coordinator: string) {
    return this.linkage.assign(approvalId, dto.department, coordinator, dto.note);
  }

  @Get('revocation-requests')
  @AllowDepartments(...COORDINATORS, APPROVAL_BUREAU)
  @AllowPeople({ roles: ['coordinator'] })
  revocationRequests(@Query() query: RevocationRequestsQuery) {
    return this.queries.revocationRequests(query.state);
  }
}
