import { Body, Controller, Get, Post, Query, Redirect, UseFilters, UseGuards } from '@nestjs/common';
import { DEPARTMENTS } from '@hub/contracts';
import { ProblemException } from '@hub/platform';
import { matchesFilter, paginate, withQuery } from '../../format';
import { GatewayClient } from '../../gateway.client';
import { HtmlPage } from '../../html';
import { renderPage } from '../../layout';
import { WebSession, hasRole, mayChooseLedger, mayReadLedger } from '../../person';
import { WebErrorFilter, registerFieldLabels } from '../../web-error.filter';
import { ClientAddress, RequireRoles, Session, WebSessionGuard } from '../../web-session.guard';
import { ClaimForm, LedgerPageQuery, ReturnForm, SuperviseForm } from './ledger.forms';
import { LedgerPage, LedgerRow, LedgerSection } from './ledger.page';
import { LEDGER } from './ledger.strings';

registerFieldLabels(LEDGER.fields);

interface Ledger {
  department: string;
  unclaimed: LedgerRow[];
  overdue: LedgerRow[];
  claimedNotSupervised: LedgerRow[];
}

/**
 * A department's ledger (台账) from the supervision app, and its supervisors' claims, returns and supervisions,
 * each sent to the app through the gateway as the person (whose username is the actor the app records).
 */
@Controller('ledger')
@UseGuards(WebSessionGuard)
@UseFilters(WebErrorFilter)
@RequireRoles('supervisor', 'viewer', 'coordinator', 'operator', 'auditor')
export class LedgerController {
  constructor(private readonly gateway: GatewayClient) {}

  @Get()
  @HtmlPage()
  async ledger(
    @Query() query: LedgerPageQuery,
    @Session() session: WebSession,
    @ClientAddress() from: string,
  ): Promise<string> {
    const { person } = session;
    const department = query.department ?? person.department;
    if (!mayReadLedger(person, department)) {
      throw new ProblemException(403, 'forbidden', `${person.username} may not read the ledger of ${department}`, [
        { field: 'department', rule: 'mayReadLedger', message: '只能查看本部门的台账' },
      ]);
    }
    const ledger = await this.gateway.call<Ledger>(
      session,
      from,
      'GET',
      `/v1/supervision/ledgers/${encodeURIComponent(department)}`,
    );
    const filtered = (rows: LedgerRow[]) =>
      rows.filter((r) => matchesFilter(query.q, r.approvalId, r.uscc, r.matterName, r.matterCode));
    const page = (section: LedgerSection, number: number | undefined) =>
      paginate(filtered(ledger[section]), number ?? 1);
    const shown: Record<string, string | undefined> = {
      department: query.department,
      q: query.q,
      unclaimedPage: query.unclaimedPage?.toString(),
      overduePage: query.overduePage?.toString(),
      claimedPage: query.claimedPage?.toString(),
    };
    return renderPage(
      <LedgerPage
        session={session}
        department={department}
        choices={mayChooseLedger(person) ? DEPARTMENTS.map((d) => d.code) : []}
        query={shown}
        sections={{
          unclaimed: page('unclaimed', query.unclaimedPage),
          overdue: page('overdue', query.overduePage),
          claimedNotSupervised: page('claimedNotSupervised', query.claimedPage),
        }}
        acts={hasRole(person, 'supervisor') && person.department === department}
        notice={query.done && query.approvalId ? LEDGER.done[query.done](query.approvalId) : undefined}
      />,
    );
  }

  @Post('claims')
  @RequireRoles('supervisor')
  @Redirect('/ledger', 303)
  claim(@Body() form: ClaimForm, @Session() session: WebSession, @ClientAddress() from: string) {
    return this.act(session, from, 'claims', 'claimed', { approvalId: form.approvalId, channel: 'desk' });
  }

  @Post('returns')
  @RequireRoles('supervisor')
  @Redirect('/ledger', 303)
  returnPush(@Body() form: ReturnForm, @Session() session: WebSession, @ClientAddress() from: string) {
    const { approvalId, reason, suggestedDepartment } = form;
    return this.act(session, from, 'returns', 'returned', { approvalId, reason, suggestedDepartment });
  }

  @Post('supervisions')
  @RequireRoles('supervisor')
  @Redirect('/ledger', 303)
  supervise(@Body() form: SuperviseForm, @Session() session: WebSession, @ClientAddress() from: string) {
    const { approvalId, action, result, findings } = form;
    return this.act(session, from, 'supervisions', 'supervised', { approvalId, action, result, findings });
  }

  /** The supervision app's `POST /v1/<path>` as the person, who is the actor it records; then back to the ledger. */
  private async act(
    session: WebSession,
    from: string,
    path: 'claims' | 'returns' | 'supervisions',
    done: 'claimed' | 'returned' | 'supervised',
    body: { approvalId: string } & Record<string, string | undefined>,
  ): Promise<{ url: string }> {
    await this.gateway.call(session, from, 'POST', `/v1/supervision/${path}`, {
      ...body,
      actor: session.person.username,
    });
    return { url: withQuery('/ledger', {}, { done, approvalId: body.approvalId }) };
  }
}
