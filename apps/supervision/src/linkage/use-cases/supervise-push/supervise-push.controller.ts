import { Body, Controller, Post, UseGuards } from '@nestjs/common';
import { AllowPeople, AssertionGuard, CallerDepartment } from '@hub/assertion';
import { SuperviseDto } from './supervise.dto';
import { SupervisePush } from './supervise-push.use-case';

/** 监管 for the supervising departments: a department supervises only the pushes it claimed. */
@Controller('v1')
@UseGuards(AssertionGuard)
export class SupervisePushController {
  constructor(private readonly supervisePush: SupervisePush) {}

  @Post('supervisions')
  @AllowPeople({ roles: ['supervisor'], ownDepartment: true })
  supervise(@Body() dto: SuperviseDto, @CallerDepartment() department: string) {
    return this.supervisePush.supervise(department, dto);
  }
}
