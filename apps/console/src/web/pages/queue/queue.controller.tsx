import { Body, Controller, Get, Post, Query, Redirect, UseFilters, UseGuards } from '@nestjs/common';
import { matchesFilter, paginate, withQuery } from '../../format';
import { GatewayClient } from '../../gateway.client';
import { HtmlPage } from '../../html';
import { departmentName, renderPage } from '../../layout';
import type { WebSession } from '../../person';
import { WebErrorFilter, registerFieldLabels } from '../../web-error.filter';
import { ClientAddress, RequireRoles, Session, WebSessionGuard } from '../../web-session.guard';
import { AssignForm, QueuePageQuery } from './queue.forms';
import { QueuePage, ReturnedRow, UnassignedRow } from './queue.page';
import { QUEUE } from './queue.strings';

registerFieldLabels(QUEUE.fields);

/** The coordinators' queue from the approval app, and their (re-)assignments, sent to it through the gateway. */
@Controller('queue')
@UseGuards(WebSessionGuard)
@UseFilters(WebErrorFilter)
@RequireRoles('coordinator')
export class QueueController {
  constructor(private readonly gateway: GatewayClient) {}

  @Get()
  @HtmlPage()
  async queue(
    @Query() query: QueuePageQuery,
    @Session() session: WebSession,
    @ClientAddress() from: string,
  ): Promise<string> {
    const queue = await this.gateway.call<{ unassigned: UnassignedRow[]; returned: ReturnedRow[] }>(
      session,
      from,
      'GET',
      '/v1/approval/coordination/queue',
    );
    const q = query.q;
    return renderPage(
      <QueuePage
        session={session}
        query={{
          q,
          unassignedPage: query.unassignedPage?.toString(),
          returnedPage: query.returnedPage?.toString(),
        }}
        unassigned={paginate(
          queue.unassigned.filter((r) => matchesFilter(q, r.approvalId, r.uscc, r.matterName, r.matterCode)),
          query.unassignedPage ?? 1,
        )}
        returned={paginate(
          queue.returned.filter((r) =>
            matchesFilter(q, r.approvalId, r.uscc, r.department, departmentName(r.department), r.reason),
          ),
          query.returnedPage ?? 1,
        )}
        notice={query.assigned && query.to ? QUEUE.done(query.assigned, departmentName(query.to)) : undefined}
      />,
    );
  }

  @Post('assignments')
  @Redirect('/queue', 303)
  async assign(@Body() form: AssignForm, @Session() session: WebSession, @ClientAddress() from: string) {
    await this.gateway.call(
      session,
      from,
      'POST',
      `/v1/approval/approvals/${encodeURIComponent(form.approvalId)}/assignments`,
      { department: form.department, ...(form.note ? { note: form.note } : {}) },
    );
    return { url: withQuery('/queue', {}, { assigned: form.approvalId, to: form.department }) };
  }
}
