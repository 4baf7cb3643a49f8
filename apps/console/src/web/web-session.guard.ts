import { CanActivate, ExecutionContext, Injectable, SetMetadata, createParamDecorator } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { ProblemException } from '@hub/platform';
import { CSRF_FIELD, checkCsrf } from './csrf';
import { LAYOUT } from './layout.strings';
import { SESSION_COOKIE, parseCookies } from './cookies';
import { GatewayClient, LoginRequired } from './gateway.client';
import { Role, WebSession, hasRole } from './person';

const PUBLIC = 'hub:web:public';
const ROLES = 'hub:web:roles';

/** A page anyone may open, signed in or not (the login page, `/public/…`). */
export const PublicPage = () => SetMetadata(PUBLIC, true);
/** Only a person holding one of these roles may open the page or send the form (the apps check again). */
export const RequireRoles = (...roles: Role[]) => SetMetadata(ROLES, roles);

export type WebRequest = Request & { webSession?: WebSession };

/** Where the person called from, as the console saw it: for the gateway's audit of people's actions. */
export function clientAddress(request: Request): string {
  return request.ip ?? request.socket.remoteAddress ?? '';
}

/**
 * Every page and form of the console, checked on the server whatever the browser sends: the session (asked of the
 * gateway with the cookie's token; none → the login page), the role the handler requires (else 403, field `roles`),
 * and on every form sent (non-GET) the session's CSRF token (else 403, field `csrf`) — before anything is forwarded.
 */
@Injectable()
export class WebSessionGuard implements CanActivate {
  constructor(
    private readonly gateway: GatewayClient,
    private readonly reflector: Reflector,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC, targets)) return true;
    const request = context.switchToHttp().getRequest<WebRequest>();
    const token = parseCookies(request.headers.cookie)[SESSION_COOKIE];
    if (!token) throw new LoginRequired();
    const current = await this.gateway.current(token, clientAddress(request));
    request.webSession = { token, ...current };
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES, targets);
    if (roles && !hasRole(current.person, ...roles)) {
      const names = roles.map((r) => LAYOUT.roles[r]);
      throw new ProblemException(403, 'forbidden', LAYOUT.errors.needsRole(names), [
        { field: 'roles', rule: 'hasRole', message: LAYOUT.errors.needsRole(names) },
      ]);
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      const body = (request.body ?? {}) as Record<string, unknown>;
      checkCsrf(current.csrf, body[CSRF_FIELD]);
    }
    return true;
  }
}

/** The request's session (the guard has checked it). */
export const Session = createParamDecorator((_data: unknown, context: ExecutionContext): WebSession => {
  const session = context.switchToHttp().getRequest<WebRequest>().webSession;
  if (!session) throw new LoginRequired();
  return session;
});

/** The request's client address, for the gateway's audit. */
export const ClientAddress = createParamDecorator((_data: unknown, context: ExecutionContext): string =>
  clientAddress(context.switchToHttp().getRequest<Request>()),
);
