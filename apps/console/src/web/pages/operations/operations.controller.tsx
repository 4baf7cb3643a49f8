import { Controller, Get, UseFilters, UseGuards } from '@nestjs/common';
import { HubEnv } from '@hub/config';
import { GatewayClient } from '../../gateway.client';
import { HtmlPage } from '../../html';
import { renderPage } from '../../layout';
import type { WebSession } from '../../person';
import { WebErrorFilter } from '../../web-error.filter';
import { ClientAddress, RequireRoles, Session, WebSessionGuard } from '../../web-session.guard';
import { OperationsPage, OverviewView } from './operations.page';

/** The operators' overview, read through the door from the console's own API like every other page. */
@Controller('operations')
@UseGuards(WebSessionGuard)
@UseFilters(WebErrorFilter)
@RequireRoles('operator', 'auditor', 'admin')
export class OperationsPageController {
  constructor(
    private readonly gateway: GatewayClient,
    private readonly env: HubEnv,
  ) {}

  @Get()
  @HtmlPage()
  async page(@Session() session: WebSession, @ClientAddress() from: string): Promise<string> {
    const overview = await this.gateway.call<OverviewView>(session, from, 'GET', '/v1/console/operations/overview');
    return renderPage(<OperationsPage session={session} overview={overview} prefix={this.env.KAFKA_TOPIC_PREFIX} />);
  }
}
