import { Body, Controller, Param, Post, UseGuards } from '@nestjs/common';
import { AllowPeople, AssertedCaller, AssertionGuard, Caller } from '@hub/assertion';
import { DrawDto } from './draw.dto';
import { DrawPlan } from './draw-plan.use-case';

@Controller('v1/plans')
@UseGuards(AssertionGuard)
export class DrawPlanController {
  constructor(private readonly drawPlan: DrawPlan) {}

  @Post(':id/draws')
  @AllowPeople({ roles: ['supervisor'] })
  draw(@Param('id') id: string, @Body() dto: DrawDto, @Caller() caller: AssertedCaller) {
    return this.drawPlan.draw(caller, id, dto);
  }
}
