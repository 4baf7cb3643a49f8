import { Controller, Get, Param, UseFilters, UseGuards } from '@nestjs/common';
import { GatewayClient } from '../../gateway.client';
import { HtmlPage } from '../../html';
import { renderPage } from '../../layout';
import { WebErrorFilter } from '../../web-error.filter';
import { PublicPage as Open, WebSessionGuard } from '../../web-session.guard';
import { DrawPage, DrawsPage, type DrawSummary } from './draws.page';

const drawPath = (id?: string) => `/v1/inspection/public/draws${id === undefined ? '' : `/${encodeURIComponent(id)}`}`;

/** `/public/draws…`: every draw record for everyone, with the button that verifies it in the visitor's browser. */
@Controller('public/draws')
@UseGuards(WebSessionGuard)
@UseFilters(WebErrorFilter)
@Open()
export class PublicDrawsController {
  constructor(private readonly gateway: GatewayClient) {}

  @Get()
  @HtmlPage()
  async list(): Promise<string> {
    return renderPage(<DrawsPage draws={await this.gateway.publicGet<DrawSummary[]>(drawPath())} />);
  }

  @Get(':id')
  @HtmlPage()
  async draw(@Param('id') id: string): Promise<string> {
    const record = await this.gateway.publicGet<Record<string, unknown>>(drawPath(id));
    return renderPage(<DrawPage id={id} record={record} />);
  }
}

/**
 * `GET /public/v1/draws[/<id>]`: the records as JSON at the console's origin (the verify button fetches them there),
 * relayed from the inspection app's public API; its problems (404…) come back as problem details.
 */
@Controller('public/v1/draws')
@UseGuards(WebSessionGuard)
@Open()
export class PublicDrawsJsonController {
  constructor(private readonly gateway: GatewayClient) {}

  @Get()
  list(): Promise<unknown> {
    return this.gateway.publicGet(drawPath());
  }

  @Get(':id')
  draw(@Param('id') id: string): Promise<unknown> {
    return this.gateway.publicGet(drawPath(id));
  }
}
