import { Controller, Get, Query, UseFilters, UseGuards } from '@nestjs/common';
import { matchesFilter, paginate } from '../../format';
import { FilterText, PageNumber } from '../../forms';
import { GatewayClient } from '../../gateway.client';
import { HtmlPage } from '../../html';
import { departmentName, renderPage } from '../../layout';
import { WebErrorFilter } from '../../web-error.filter';
import { PublicPage as Open, WebSessionGuard } from '../../web-session.guard';
import type { PublishedMatter } from '@hub/sdk';
import { PublicPage } from './public.page';
import { PUBLIC } from './public.strings';

export class PublicPageQuery {
  @FilterText(PUBLIC.rules.q)
  q?: string;

  @PageNumber(PUBLIC.rules.page)
  page?: number;
}

/** `/public/…`: for everyone, no login; read through the gateway's public door, as no one in particular. */
@Controller('public')
@UseGuards(WebSessionGuard)
@UseFilters(WebErrorFilter)
@Open()
export class PublicController {
  constructor(private readonly gateway: GatewayClient) {}

  @Get()
  @HtmlPage()
  async index(@Query() query: PublicPageQuery): Promise<string> {
    const matters = await this.gateway.publicGet<PublishedMatter[]>('/v1/approval/public/matters');
    const shown = matters.filter((m) =>
      matchesFilter(query.q, m.matterCode, m.name, ...m.departments, ...m.departments.map(departmentName)),
    );
    return renderPage(
      <PublicPage query={{ q: query.q }} matters={paginate(shown, query.page ?? 1)} published={matters.length} />,
    );
  }
}
