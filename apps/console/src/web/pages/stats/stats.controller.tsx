import { Controller, Get, UseFilters, UseGuards } from '@nestjs/common';
import { GatewayClient } from '../../gateway.client';
import { HtmlPage } from '../../html';
import { renderPage } from '../../layout';
import type { WebSession } from '../../person';
import { WebErrorFilter } from '../../web-error.filter';
import { ClientAddress, Session, WebSessionGuard } from '../../web-session.guard';
import type { DepartmentStats } from '@hub/sdk';
import { StatsPage } from './stats.page';

/** Claim rate, median claim time and overdue counts per department, from the supervision app, as charts. */
@Controller('stats')
@UseGuards(WebSessionGuard)
@UseFilters(WebErrorFilter)
export class StatsController {
  constructor(private readonly gateway: GatewayClient) {}

  @Get()
  @HtmlPage()
  async stats(@Session() session: WebSession, @ClientAddress() from: string): Promise<string> {
    const stats = await this.gateway.call<DepartmentStats[]>(session, from, 'GET', '/v1/supervision/stats');
    return renderPage(<StatsPage session={session} stats={stats} />);
  }
}
