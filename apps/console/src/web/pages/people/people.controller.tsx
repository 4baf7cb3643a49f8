import { Body, Controller, Get, Param, Post, Query, Redirect, UseFilters, UseGuards } from '@nestjs/common';
import { ProblemException } from '@hub/platform';
import type { PersonAccount } from '@hub/sdk';
import { matchesFilter, paginate, withQuery } from '../../format';
import { GatewayClient } from '../../gateway.client';
import { HtmlPage } from '../../html';
import { departmentName, renderPage } from '../../layout';
import type { WebSession } from '../../person';
import { WebErrorFilter, registerFieldLabels } from '../../web-error.filter';
import { ClientAddress, RequireRoles, Session, WebSessionGuard } from '../../web-session.guard';
import { AccountPage } from './account.page';
import {
  AccountParams,
  CreateAccountForm,
  DisableAccountForm,
  PasswordForm,
  PeoplePageQuery,
  UpdateAccountForm,
} from './people.forms';
import { PeoplePage, roleNames } from './people.page';
import { PEOPLE } from './people.strings';

registerFieldLabels(PEOPLE.fields);

const ADMIN_API = '/v1/admin/people';

/**
 * People's accounts, for the admins of 信息化中心: read and changed through the gateway's admin API with the admin's
 * session (which checks the role again, and records every change in the audit).
 */
@Controller('admin/people')
@UseGuards(WebSessionGuard)
@UseFilters(WebErrorFilter)
@RequireRoles('admin')
export class PeopleController {
  constructor(private readonly gateway: GatewayClient) {}

  @Get()
  @HtmlPage()
  async list(
    @Query() query: PeoplePageQuery,
    @Session() session: WebSession,
    @ClientAddress() from: string,
  ): Promise<string> {
    const accounts = await this.gateway.call<PersonAccount[]>(session, from, 'GET', ADMIN_API);
    const shown = accounts.filter((a) =>
      matchesFilter(query.q, a.username, a.displayName, a.department, departmentName(a.department), roleNames(a.roles)),
    );
    return renderPage(
      <PeoplePage
        session={session}
        query={{ q: query.q }}
        accounts={paginate(shown, query.page ?? 1)}
        total={accounts.length}
        notice={noticeOf(query)}
      />,
    );
  }

  @Post()
  @Redirect('/admin/people', 303)
  async create(@Body() form: CreateAccountForm, @Session() session: WebSession, @ClientAddress() from: string) {
    const { username, displayName, department, roles, password } = form;
    const created = await this.gateway.call<PersonAccount>(session, from, 'POST', ADMIN_API, {
      username,
      displayName,
      department,
      roles,
      password,
    });
    return { url: withQuery(`/admin/people/${created.id}`, {}, { done: 'created', who: created.username }) };
  }

  @Get(':id')
  @HtmlPage()
  async account(
    @Param() params: AccountParams,
    @Query() query: PeoplePageQuery,
    @Session() session: WebSession,
    @ClientAddress() from: string,
  ): Promise<string> {
    const account = await this.find(session, from, params.id);
    return renderPage(<AccountPage session={session} account={account} notice={noticeOf(query)} />);
  }

  @Post(':id')
  @Redirect('/admin/people', 303)
  async update(
    @Param() params: AccountParams,
    @Body() form: UpdateAccountForm,
    @Session() session: WebSession,
    @ClientAddress() from: string,
  ) {
    const body = { displayName: form.displayName, roles: form.roles };
    return this.change(session, from, params.id, 'updated', 'PATCH', '', body);
  }

  @Post(':id/disable')
  @Redirect('/admin/people', 303)
  async disable(
    @Param() params: AccountParams,
    @Body() _form: DisableAccountForm,
    @Session() session: WebSession,
    @ClientAddress() from: string,
  ) {
    return this.change(session, from, params.id, 'disabled', 'PATCH', '', { disabled: true });
  }

  @Post(':id/enable')
  @Redirect('/admin/people', 303)
  async enable(@Param() params: AccountParams, @Session() session: WebSession, @ClientAddress() from: string) {
    return this.change(session, from, params.id, 'enabled', 'PATCH', '', { disabled: false });
  }

  @Post(':id/password')
  @Redirect('/admin/people', 303)
  async password(
    @Param() params: AccountParams,
    @Body() form: PasswordForm,
    @Session() session: WebSession,
    @ClientAddress() from: string,
  ) {
    return this.change(session, from, params.id, 'password', 'POST', '/password', { password: form.password });
  }

  private async change(
    session: WebSession,
    from: string,
    id: string,
    done: string,
    method: 'PATCH' | 'POST',
    path: string,
    body: object,
  ): Promise<{ url: string }> {
    const account = await this.find(session, from, id);
    await this.gateway.call(session, from, method, `${ADMIN_API}/${id}${path}`, body);
    return { url: withQuery(`/admin/people/${id}`, {}, { done, who: account.username }) };
  }

  private async find(session: WebSession, from: string, id: string): Promise<PersonAccount> {
    const accounts = await this.gateway.call<PersonAccount[]>(session, from, 'GET', ADMIN_API);
    const account = accounts.find((a) => a.id === id);
    if (!account) throw new ProblemException(404, 'not-found', PEOPLE.rules.id);
    return account;
  }
}

function noticeOf(query: PeoplePageQuery): string | undefined {
  return query.done && query.who ? PEOPLE.done[query.done]?.(query.who) : undefined;
}
