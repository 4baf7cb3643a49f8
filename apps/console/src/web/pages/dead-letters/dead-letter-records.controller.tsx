import { Body, Controller, Get, Post, Query, Redirect, UseFilters, UseGuards } from '@nestjs/common';
import type { DeadLetterAction } from '../../../dead-letters/entities/dead-letter-action.entity';
import { GatewayClient } from '../../gateway.client';
import { HtmlPage } from '../../html';
import { renderPage } from '../../layout';
import { WebSession, hasRole } from '../../person';
import { WebErrorFilter } from '../../web-error.filter';
import { ClientAddress, RequireRoles, Session, WebSessionGuard } from '../../web-session.guard';
import { DeadLetterRecordsPage, VisibilityRow } from './dead-letter-records.page';
import { RecordsPageQuery, VisibilityForm } from './dead-letters.forms';

const PAGE = 50;

/** The record of every action on dead letters and every opening of a payload; admins set payload viewing here. */
@Controller('dead-letter-records')
@UseGuards(WebSessionGuard)
@UseFilters(WebErrorFilter)
@RequireRoles('operator', 'auditor', 'admin')
export class DeadLetterRecordsController {
  constructor(private readonly gateway: GatewayClient) {}

  @Get()
  @HtmlPage()
  async records(
    @Query() query: RecordsPageQuery,
    @Session() session: WebSession,
    @ClientAddress() from: string,
  ): Promise<string> {
    const before = query.before ? `&before=${query.before}` : '';
    const actions = await this.gateway.call<DeadLetterAction[]>(
      session,
      from,
      'GET',
      `/v1/console/dead-letters/actions?limit=${PAGE + 1}${before}`,
    );
    const visibility = await this.gateway.call<VisibilityRow[]>(
      session,
      from,
      'GET',
      '/v1/console/dead-letters/payload-visibility',
    );
    return renderPage(
      <DeadLetterRecordsPage
        session={session}
        actions={actions.slice(0, PAGE)}
        next={actions.length > PAGE ? actions[PAGE - 1]!.id : undefined}
        visibility={visibility}
        administers={hasRole(session.person, 'admin')}
        saved={query.role && query.saved ? { role: query.role, visibility: query.saved } : undefined}
      />,
    );
  }

  @Post('visibility')
  @RequireRoles('admin')
  @Redirect('/dead-letter-records', 303)
  async setVisibility(@Body() form: VisibilityForm, @Session() session: WebSession, @ClientAddress() from: string) {
    await this.gateway.call(session, from, 'PUT', '/v1/console/dead-letters/payload-visibility', {
      role: form.role,
      visibility: form.visibility,
    });
    return { url: `/dead-letter-records?role=${form.role}&saved=${form.visibility}` };
  }
}
