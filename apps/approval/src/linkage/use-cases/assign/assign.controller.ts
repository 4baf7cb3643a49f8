import { Body, Controller, Param, Post, UseGuards } from '@nestjs/common';
import { COORDINATORS } from '@hub/contracts';
import { AllowDepartments, AllowPeople, AssertionGuard, CallerDepartment } from '@hub/assertion';
import { AssignDto } from './assign.dto';
import { Assign } from './assign.use-case';

/** The coordinators' assignments: an unassigned approval, or a returned push re-routed. */
@Controller('v1')
@UseGuards(AssertionGuard)
export class AssignController {
  constructor(private readonly assignment: Assign) {}

  /** The coordinator assigns an unassigned approval or re-routes a returned one; the assignment is recorded. */
  @Post('approvals/:approvalId/assignments')
  @AllowDepartments(...COORDINATORS)
  @AllowPeople({ roles: ['coordinator'] })
  assign(@Param('approvalId') approvalId: string, @Body() dto: AssignDto, @CallerDepartment() coordinator: string) {
    return this.assignment.assign(approvalId, dto.department, coordinator, dto.note);
  }
}
