import { Body, Controller, HttpCode, Post, UseGuards } from '@nestjs/common';
import { AllowPeople, AssertionGuard, CallerDepartment } from '@hub/assertion';
import { ReturnDto } from './return.dto';
import { ReturnPush } from './return-push.use-case';

/** 退回 for the supervising departments: a department returns only its own pushes. */
@Controller('v1')
@UseGuards(AssertionGuard)
export class ReturnPushController {
  constructor(private readonly returns: ReturnPush) {}

  @Post('returns')
  @AllowPeople({ roles: ['supervisor'], ownDepartment: true })
  @HttpCode(200)
  returnPush(@Body() dto: ReturnDto, @CallerDepartment() department: string) {
    return this.returns.returnPush(department, dto);
  }
}
