import { Body, Controller, Get, Post, Query, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import type { Request, Response } from 'express';
import { ConsoleEnv } from '../../../console.env';
import { CSRF_FIELD, checkCsrf } from '../../csrf';
import { LOGIN_CSRF_COOKIE, SESSION_COOKIE, cookieOptions, parseCookies } from '../../cookies';
import { GatewayClient, UpstreamProblem } from '../../gateway.client';
import { localPath, sendPage } from '../../html';
import { navigationFor, renderPage } from '../../layout';
import { WebErrorFilter } from '../../web-error.filter';
import { PublicPage, Session, WebSessionGuard, clientAddress } from '../../web-session.guard';
import type { WebSession } from '../../person';
import { LoginError, LoginPage } from './login.page';
import { LOGIN } from './login.strings';

/** Signing in and out. The password goes to the gateway, which holds the accounts; the console keeps the token only. */
@Controller()
@UseGuards(WebSessionGuard)
@UseFilters(WebErrorFilter)
export class LoginController {
  constructor(
    private readonly gateway: GatewayClient,
    private readonly env: ConsoleEnv,
  ) {}

  @Get('login')
  @PublicPage()
  loginPage(@Query('next') next: unknown, @Query('loggedOut') loggedOut: unknown, @Res() response: Response): void {
    this.renderLogin(response, 200, { next: localPath(next), loggedOut: loggedOut === '1' });
  }

  @Post('login')
  @PublicPage()
  async login(@Body() body: Record<string, unknown>, @Req() request: Request, @Res() response: Response) {
    checkCsrf(parseCookies(request.headers.cookie)[LOGIN_CSRF_COOKIE], body[CSRF_FIELD]);
    const username = typeof body.username === 'string' ? body.username.trim() : '';
    const password = typeof body.password === 'string' ? body.password : '';
    const next = localPath(body.next);
    const missing: LoginError[] = [];
    if (username === '') missing.push({ field: 'username', message: LOGIN.required.username });
    if (password === '') missing.push({ field: 'password', message: LOGIN.required.password });
    if (missing.length > 0) return this.renderLogin(response, 400, { next, username, errors: missing });
    try {
      const answer = await this.gateway.login(username, password, clientAddress(request));
      response.cookie(SESSION_COOKIE, answer.session, this.cookies(new Date(answer.expiresAt)));
      response.clearCookie(LOGIN_CSRF_COOKIE, this.cookies());
      response.redirect(303, next);
    } catch (error) {
      const message = error instanceof UpstreamProblem ? refusal(error) : undefined;
      if (!message || !(error instanceof UpstreamProblem)) throw error;
      this.renderLogin(response, error.getStatus(), {
        next,
        username,
        errors: [{ field: 'password', message }],
      });
    }
  }

  @Post('logout')
  async logout(@Session() session: WebSession, @Req() request: Request, @Res() response: Response) {
    await this.gateway.logout(session.token, session.csrf, clientAddress(request));
    response.clearCookie(SESSION_COOKIE, this.cookies());
    response.redirect(303, '/login?loggedOut=1');
  }

  /** Home: the first page the person's roles open. */
  @Get()
  home(@Session() session: WebSession, @Res() response: Response): void {
    response.redirect(303, navigationFor(session)[0]?.href ?? '/public/');
  }

  /** Secure cookies in production (https); plain http stays usable in development and tests. */
  private cookies(expires?: Date) {
    return cookieOptions(this.env.NODE_ENV === 'production', expires);
  }

  /** The login form with a fresh login CSRF token, in its cookie and its hidden field (double submit). */
  private renderLogin(response: Response, status: number, props: Omit<Parameters<typeof LoginPage>[0], 'csrf'>): void {
    const csrf = randomBytes(32).toString('base64url');
    response.cookie(LOGIN_CSRF_COOKIE, csrf, this.cookies());
    sendPage(response, status, renderPage(<LoginPage csrf={csrf} {...props} />));
  }
}

/** The login page's message for the gateway's refusal of a login; undefined for anything else (an error page). */
function refusal(problem: UpstreamProblem): string | undefined {
  switch (problem.problemType) {
    case 'invalid-login':
      return LOGIN.invalidLogin;
    case 'account-locked': {
      const seconds = Number(problem.retryAfter);
      return LOGIN.locked(Number.isFinite(seconds) && seconds > 0 ? seconds : undefined);
    }
    case 'account-disabled':
      return LOGIN.disabled;
    default:
      return undefined;
  }
}
