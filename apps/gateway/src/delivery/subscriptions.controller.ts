import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { Caller } from '../auth/caller.decorator';
import { Signed } from '../auth/signed.decorator';
import { CreateSubscriptionDto } from './dto/create-subscription.dto';
import { ListDeliveriesQuery } from './dto/list-deliveries.query';
import { ReplayDto } from './dto/replay.dto';
import { SubscriptionParams } from './dto/subscription.params';
import { UpdateSubscriptionDto } from './dto/update-subscription.dto';
import {
  CreatedSubscriptionView,
  DeliveryView,
  ReplayView,
  SubscriptionView,
  SubscriptionsService,
} from './subscriptions.service';

/** A department's subscriptions, through signed requests of its own systems. */
@Controller('v1/subscriptions')
@Signed()
export class SubscriptionsController {
  constructor(private readonly subscriptions: SubscriptionsService) {}

  @Post()
  create(@Caller() caller: Caller, @Body() body: CreateSubscriptionDto): Promise<CreatedSubscriptionView> {
    return this.subscriptions.create(caller, body);
  }

  @Get()
  list(@Caller() caller: Caller): Promise<SubscriptionView[]> {
    return this.subscriptions.list(caller);
  }

  @Get(':id')
  get(@Caller() caller: Caller, @Param() params: SubscriptionParams): Promise<SubscriptionView> {
    return this.subscriptions.get(caller, params.id);
  }

  @Patch(':id')
  update(
    @Caller() caller: Caller,
    @Param() params: SubscriptionParams,
    @Body() body: UpdateSubscriptionDto,
  ): Promise<SubscriptionView> {
    return this.subscriptions.update(caller, params.id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  async delete(@Caller() caller: Caller, @Param() params: SubscriptionParams): Promise<void> {
    await this.subscriptions.delete(caller, params.id);
  }

  /** Sends again what was recorded since a point in time. */
  @Post(':id/replay')
  @HttpCode(202)
  replay(@Caller() caller: Caller, @Param() params: SubscriptionParams, @Body() body: ReplayDto): Promise<ReplayView> {
    return this.subscriptions.replay(caller, params.id, body.since);
  }

  @Get(':id/deliveries')
  deliveries(
    @Caller() caller: Caller,
    @Param() params: SubscriptionParams,
    @Query() query: ListDeliveriesQuery,
  ): Promise<DeliveryView[]> {
    return this.subscriptions.deliveries(caller, params.id, query);
  }
}
