import { Controller, Get, Query, Res, UseFilters, UseGuards } from '@nestjs/common';
import type { Response } from 'express';
import { withQuery } from '../../format';
import { GatewayClient } from '../../gateway.client';
import { HtmlPage } from '../../html';
import { renderPage } from '../../layout';
import type { WebSession } from '../../person';
import { WebErrorFilter, registerFieldLabels } from '../../web-error.filter';
import { ClientAddress, RequireRoles, Session, WebSessionGuard } from '../../web-session.guard';
import { EventLedgerQuery } from './event-ledger.forms';
import { EventLedgerPage, LedgerStatusView, LedgerVerificationView } from './event-ledger.page';
import { EVENT_LEDGER } from './event-ledger.strings';

registerFieldLabels(EVENT_LEDGER.fields);

/** The event ledger's status, its verification naming the entry that does not match, and its export. */
@Controller('event-ledger')
@UseGuards(WebSessionGuard)
@UseFilters(WebErrorFilter)
@RequireRoles('operator', 'auditor', 'admin')
export class EventLedgerPageController {
  constructor(private readonly gateway: GatewayClient) {}

  @Get()
  @HtmlPage()
  async page(
    @Query() query: EventLedgerQuery,
    @Session() session: WebSession,
    @ClientAddress() from: string,
  ): Promise<string> {
    const status = await this.gateway.call<LedgerStatusView>(session, from, 'GET', '/v1/console/ledger');
    const range = {
      from: query.from === undefined ? undefined : String(query.from),
      to: query.to === undefined ? undefined : String(query.to),
    };
    const verification =
      query.verify === '1'
        ? await this.gateway.call<LedgerVerificationView>(
            session,
            from,
            'GET',
            withQuery('/v1/console/ledger/verification', range, {}),
          )
        : undefined;
    return renderPage(<EventLedgerPage session={session} status={status} verification={verification} query={query} />);
  }

  @Get('export')
  @RequireRoles('operator', 'auditor')
  async export(
    @Query() query: EventLedgerQuery,
    @Session() session: WebSession,
    @ClientAddress() from: string,
    @Res() response: Response,
  ): Promise<void> {
    const range = {
      from: query.from === undefined ? undefined : String(query.from),
      to: query.to === undefined ? undefined : String(query.to),
    };
    const exported = await this.gateway.call<object>(
      session,
      from,
      'GET',
      withQuery('/v1/console/ledger/export', range, {}),
    );
    response
      .status(200)
      .set({
        'Content-Type': 'application/json; charset=utf-8',
        'Content-Disposition': `attachment; filename="hub-ledger-${query.from ?? 1}-${query.to ?? 'head'}.json"`,
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
      })
      .send(JSON.stringify(exported, null, 2));
  }
}
