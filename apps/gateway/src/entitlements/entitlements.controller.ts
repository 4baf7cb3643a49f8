import { Controller, Delete, Get, HttpCode, Param, Put, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { AdminOnly, Signed } from '../auth/signed.decorator';
import { Caller } from '../auth/caller.decorator';
import { EntitlementParams } from './dto/entitlement.params';
import { ListEntitlementsQuery } from './dto/list-entitlements.query';
import { EntitlementView, EntitlementsService } from './entitlements.service';

/** The admin API of entitlements: which department may receive which event types. */
@Controller('v1/admin/entitlements')
@AdminOnly()
export class EntitlementsAdminController {
  constructor(private readonly entitlements: EntitlementsService) {}

  @Get()
  list(@Query() query: ListEntitlementsQuery): Promise<EntitlementView[]> {
    return this.entitlements.list({ department: query.department, eventType: query.eventType });
  }

  /**
   * 201 when granted now, 200 when it already was; either way in effect for every event published after the answer
   * (a new grant answers once delivery has seen it, within RECEIVABLE_TYPES_MAX_AGE_MS).
   */
  @Put(':department/:eventType')
  async grant(
    @Param() params: EntitlementParams,
    @Res({ passthrough: true }) response: Response,
  ): Promise<EntitlementView> {
    const { entitlement, created } = await this.entitlements.grant(params.department, params.eventType);
    response.status(created ? 201 : 200);
    return entitlement;
  }

  @Delete(':department/:eventType')
  @HttpCode(204)
  async revoke(@Param() params: EntitlementParams): Promise<void> {
    await this.entitlements.revoke(params.department, params.eventType);
  }
}

/** What a department system may subscribe to. */
@Controller('v1/entitlements')
@Signed()
export class EntitlementsController {
  constructor(private readonly entitlements: EntitlementsService) {}

  @Get()
  list(@Caller() caller: Caller): Promise<EntitlementView[]> {
    return this.entitlements.list({ department: caller.department });
  }
}
