import { Controller, Get, Query, UseFilters, UseGuards } from '@nestjs/common';
import type { PersonAction } from '@hub/sdk';
import { PAGE_SIZE, withQuery } from '../../format';
import { GatewayClient } from '../../gateway.client';
import { HtmlPage } from '../../html';
import { renderPage } from '../../layout';
import type { WebSession } from '../../person';
import { WebErrorFilter, registerFieldLabels } from '../../web-error.filter';
import { ClientAddress, RequireRoles, Session, WebSessionGuard } from '../../web-session.guard';
import { AuditPageQuery, beijingInstant } from './audit.forms';
import { AuditPage } from './audit.page';
import { AUDIT } from './audit.strings';

registerFieldLabels(AUDIT.fields);

/** What people did at the hub, from the gateway's audit, for auditors (and admins): read only, newest first. */
@Controller('audit')
@UseGuards(WebSessionGuard)
@UseFilters(WebErrorFilter)
@RequireRoles('auditor', 'admin')
export class AuditController {
  constructor(private readonly gateway: GatewayClient) {}

  @Get()
  @HtmlPage()
  async list(
    @Query() query: AuditPageQuery,
    @Session() session: WebSession,
    @ClientAddress() from: string,
  ): Promise<string> {
    // One more than a page: whether there are older ones to link to.
    const path = withQuery(
      '/v1/audit/people-actions',
      {},
      {
        person: query.person,
        since: beijingInstant(query.since),
        until: beijingInstant(query.until),
        before: query.before,
        limit: String(PAGE_SIZE + 1),
      },
    );
    const actions = await this.gateway.call<PersonAction[]>(session, from, 'GET', path);
    const page = actions.slice(0, PAGE_SIZE);
    return renderPage(
      <AuditPage
        session={session}
        query={{ person: query.person, since: query.since, until: query.until, before: query.before }}
        actions={page}
        older={actions.length > PAGE_SIZE ? page[page.length - 1]!.id : undefined}
      />,
    );
  }
}
