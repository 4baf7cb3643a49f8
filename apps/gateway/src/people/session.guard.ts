import { CanActivate, ExecutionContext, Injectable, UseGuards, applyDecorators } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { BODY_LIMIT, BodyLimitPolicy, DEFAULT_BODY_LIMIT } from '../auth/body-limit.decorator';
import { RequestWithRawBody, declaredLength, hasBody, jsonBody, payloadTooLarge, readBody } from '../auth/request-body';
import { SignedRequestGuard } from '../auth/signed-request.guard';
import { GatewayEnv } from '../gateway.env';
import { clientAddress } from './client-address';
import { CSRF_HEADER, SESSION_HEADER, csrfRefused } from './people-problems';
import { PeopleService } from './people.service';
import { PERSON, RequestWithPerson } from './person.decorator';
import { PersonActionsRepository } from './person-actions.repository';

/** Methods that change nothing: a person's call of any other needs the session's CSRF token. */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

type PersonRequest = Request & RequestWithPerson & RequestWithRawBody;

/**
 * A person's request: the token of a live session in Hub-Session and, unless the method is safe, the session's CSRF
 * token in Hub-CSRF (a refusal recorded in the audit). Then the body, under the route's `@BodyLimit`, as
 * SignedRequestGuard reads it for a signed route.
 */
@Injectable()
export class SessionGuard implements CanActivate {
  constructor(
    private readonly people: PeopleService,
    private readonly actions: PersonActionsRepository,
    private readonly reflector: Reflector,
    private readonly env: GatewayEnv,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<PersonRequest>();
    const policy =
      this.reflector.getAllAndOverride<BodyLimitPolicy | undefined>(BODY_LIMIT, [
        context.getHandler(),
        context.getClass(),
      ]) ?? DEFAULT_BODY_LIMIT;
    const limit = policy.maxBytes(this.env);
    const declared = declaredLength(request);
    if (declared !== undefined && declared > limit) throw payloadTooLarge(limit);
    const person = await this.people.authenticate(request.headers[SESSION_HEADER]);
    if (
      !SAFE_METHODS.has(request.method) &&
      !this.people.csrf.matches(person.sessionKey, request.headers[CSRF_HEADER])
    ) {
      await this.actions.record({
        action: 'call',
        accountId: person.id,
        username: person.username,
        method: request.method,
        path: request.originalUrl,
        status: 403,
        address: clientAddress(request),
        detail: `refused: no or a wrong ${CSRF_HEADER}`,
      });
      throw csrfRefused();
    }
    const body = hasBody(request) ? await readBody(request, limit) : Buffer.alloc(0);
    request.rawBody = body;
    if (!policy.raw) request.body = jsonBody(request, body);
    request[PERSON] = person;
    return true;
  }
}

/** A person's session (Hub-Session) or a department system's signature: whichever the request carries. */
@Injectable()
export class SessionOrSignedGuard implements CanActivate {
  constructor(
    private readonly session: SessionGuard,
    private readonly signed: SignedRequestGuard,
  ) {}

  canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<Request>();
    return request.headers[SESSION_HEADER] === undefined
      ? this.signed.canActivate(context)
      : this.session.canActivate(context);
  }
}

/** The route takes a person's session only. */
export const ForPeople = (): MethodDecorator & ClassDecorator => applyDecorators(UseGuards(SessionGuard));

/** The route takes a person's session or a system's signature. */
export const SessionOrSigned = (): MethodDecorator & ClassDecorator => applyDecorators(UseGuards(SessionOrSignedGuard));
