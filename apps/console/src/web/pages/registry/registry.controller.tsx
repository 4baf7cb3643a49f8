import { Controller, Get, Param, Query, Res, UseFilters, UseGuards } from '@nestjs/common';
import type { Response } from 'express';
import { ProblemException } from '@hub/platform';
import { paginate, withQuery } from '../../format';
import { GatewayClient } from '../../gateway.client';
import { HtmlPage } from '../../html';
import { renderPage } from '../../layout';
import type { WebSession } from '../../person';
import { WebErrorFilter, registerFieldLabels } from '../../web-error.filter';
import { ClientAddress, RequireRoles, Session, WebSessionGuard } from '../../web-session.guard';
import { EnterprisePage, Holder } from './enterprise.page';
import { Gap, GapsPage } from './gaps.page';
import { EnterpriseQuery, GapsPageQuery, USCC_PATTERN } from './registry.forms';
import { Measures, RegistryPage } from './registry.page';
import { REGISTRY } from './registry.strings';

registerFieldLabels(REGISTRY.fields);

/**
 * 电子证照 / 电子印章: the registry app's measures, its gap list (and its CSV) and an enterprise's licences and seals,
 * each read through the gateway as the person; the registry decides what they may read and masks the rest.
 */
@Controller('registry')
@UseGuards(WebSessionGuard)
@UseFilters(WebErrorFilter)
@RequireRoles('supervisor', 'viewer', 'coordinator', 'operator', 'auditor', 'admin')
export class RegistryController {
  constructor(private readonly gateway: GatewayClient) {}

  @Get()
  @HtmlPage()
  async measures(@Session() session: WebSession, @ClientAddress() from: string): Promise<string> {
    const measures = await this.gateway.call<Measures>(session, from, 'GET', '/v1/registry/coverage');
    return renderPage(
      <RegistryPage session={session} measures={measures} typeNames={await this.typeNames(session, from)} />,
    );
  }

  @Get('gaps')
  @HtmlPage()
  async gaps(
    @Query() query: GapsPageQuery,
    @Session() session: WebSession,
    @ClientAddress() from: string,
  ): Promise<string> {
    const { page, ...filter } = shown(query);
    const size = 20;
    const number = query.page ?? 1;
    const { total, gaps } = await this.gateway.call<{ total: number; gaps: Gap[] }>(
      session,
      from,
      'GET',
      withQuery('/v1/registry/gaps', filter, { limit: String(size), offset: String((number - 1) * size) }),
    );
    const pageCount = Math.max(1, Math.ceil(total / size));
    const current = { items: gaps, page: Math.min(number, pageCount), pageCount, total };
    const typeNames = await this.typeNames(session, from);
    return renderPage(
      <GapsPage
        session={session}
        page={total === 0 ? paginate([], 1) : current}
        query={{ ...filter, page }}
        typeNames={typeNames}
      />,
    );
  }

  /** The gap list of the same filter as CSV, as the registry exports it. */
  @Get('gaps.csv')
  async csv(
    @Query() query: GapsPageQuery,
    @Session() session: WebSession,
    @ClientAddress() from: string,
    @Res() response: Response,
  ): Promise<void> {
    const { page: _page, ...filter } = shown(query);
    const csv = await this.gateway.callText(session, from, withQuery('/v1/registry/gaps', filter, { format: 'csv' }));
    response
      .status(200)
      .set({
        'Content-Type': csv.contentType,
        'Content-Disposition': 'attachment; filename="registry-gaps.csv"',
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
      })
      .send(csv.text);
  }

  @Get('enterprises/:uscc')
  @HtmlPage()
  async enterprise(
    @Param('uscc') uscc: string,
    @Query() query: EnterpriseQuery,
    @Session() session: WebSession,
    @ClientAddress() from: string,
  ): Promise<string> {
    if (!USCC_PATTERN.test(uscc)) {
      throw new ProblemException(400, 'invalid-request', 'the uscc is invalid', [
        { field: 'uscc', rule: 'isUscc', message: REGISTRY.rules.uscc },
      ]);
    }
    if (query.purpose === undefined) return renderPage(<EnterprisePage session={session} uscc={uscc} />);
    const holder = await this.gateway.call<Holder>(
      session,
      from,
      'GET',
      withQuery(`/v1/registry/holders/${uscc}`, { purpose: query.purpose }, {}),
    );
    return renderPage(<EnterprisePage session={session} uscc={uscc} holder={holder} />);
  }

  private async typeNames(session: WebSession, from: string): Promise<Record<string, string>> {
    const { licenceTypes } = await this.gateway.call<{ licenceTypes: { typeCode: string; name: string }[] }>(
      session,
      from,
      'GET',
      '/v1/registry/licence-types',
    );
    return Object.fromEntries(licenceTypes.map((t) => [t.typeCode, t.name]));
  }
}

function shown(query: GapsPageQuery): Record<string, string | undefined> {
  return {
    kind: query.kind,
    check: query.check,
    status: query.status,
    department: query.department,
    licenceType: query.licenceType,
    month: query.month,
    page: query.page === undefined ? undefined : String(query.page),
  };
}
