import { Body, Controller, HttpCode, Param, Post, UseGuards } from '@nestjs/common';
import { AllowPeople, AssertedCaller, AssertionGuard, Caller } from '@hub/assertion';
import { publicPlan } from '../read-plans/plan-views';
import { VoidDraw, VoidDrawDto } from './void-draw.use-case';

@Controller('v1/draws')
@UseGuards(AssertionGuard)
export class VoidDrawController {
  constructor(private readonly voidDraw: VoidDraw) {}

  @Post(':id/void')
  @HttpCode(200)
  @AllowPeople({ roles: ['supervisor'] })
  async void(@Param('id') id: string, @Body() dto: VoidDrawDto, @Caller() caller: AssertedCaller) {
    return publicPlan(await this.voidDraw.void(caller, id, dto));
  }
}
