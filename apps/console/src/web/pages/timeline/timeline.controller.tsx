import { Controller, Get, Param, Query, Res, UseFilters, UseGuards } from '@nestjs/common';
import type { Response } from 'express';
import { LINKAGE_ID } from '@hub/contracts';
import { ProblemException } from '@hub/platform';
import { GatewayClient } from '../../gateway.client';
import { HtmlPage, sendPage } from '../../html';
import { renderPage } from '../../layout';
import type { WebSession } from '../../person';
import { WebErrorFilter, registerFieldLabels } from '../../web-error.filter';
import { ClientAddress, Session, WebSessionGuard } from '../../web-session.guard';
import { Timeline, TimelinePage, TimelineSearchPage } from './timeline.page';
import { TIMELINE } from './timeline.strings';

registerFieldLabels(TIMELINE.fields);

/** An approval's timeline, from the approval app (which decides who may read it and masks other departments' officers). */
@Controller('approvals')
@UseGuards(WebSessionGuard)
@UseFilters(WebErrorFilter)
export class TimelineController {
  constructor(private readonly gateway: GatewayClient) {}

  /** The search form; with `approvalId`, that approval's timeline. */
  @Get()
  search(@Query('approvalId') approvalId: unknown, @Session() session: WebSession, @Res() response: Response): void {
    if (approvalId === undefined) return sendPage(response, 200, renderPage(<TimelineSearchPage session={session} />));
    response.redirect(303, `/approvals/${encodeURIComponent(checkedId(approvalId))}`);
  }

  @Get(':approvalId')
  @HtmlPage()
  async timeline(
    @Param('approvalId') approvalId: string,
    @Session() session: WebSession,
    @ClientAddress() from: string,
  ): Promise<string> {
    const id = checkedId(approvalId);
    const timeline = await this.gateway.call<Timeline>(
      session,
      from,
      'GET',
      `/v1/approval/approvals/${encodeURIComponent(id)}/timeline`,
    );
    return renderPage(<TimelinePage session={session} approvalId={id} timeline={timeline} />);
  }
}

function checkedId(value: unknown): string {
  if (typeof value !== 'string' || !LINKAGE_ID.test(value)) {
    throw new ProblemException(400, 'invalid-request', 'the approval id is invalid', [
      { field: 'approvalId', rule: 'matches', message: TIMELINE.rules.approvalId },
    ]);
  }
  return value;
}
