import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { CALLER, RequestWithCaller } from './caller.decorator';
import { NONCE_WITH_WORK } from './nonce-with-work';
import { RequestAuthenticator } from './request-authenticator.service';
import { RequestWithRawBody, rawBodyOf } from './request-body';

/** Bodies of signed requests other than event intake (admin and delivery APIs) stay small. */
const OTHER_BODY_LIMIT = 1024 * 1024;

/**
 * Lets a request through only if it is signed per spec/HTTP-SIGNING.md by an active credential; the caller is then
 * available to the handler through `@Caller()`. Use `@UseGuards(SignedRequestGuard)` (or `@Signed()`), importing
 * AuthModule into the controller's module.
 */
@Injectable()
export class SignedRequestGuard implements CanActivate {
  constructor(
    private readonly authenticator: RequestAuthenticator,
    private readonly reflector: Reflector,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<Request & RequestWithCaller>();
    const body = await rawBodyOf(request as unknown as RequestWithRawBody, OTHER_BODY_LIMIT);
    const nonceWithWork = this.reflector.getAllAndOverride<boolean | undefined>(NONCE_WITH_WORK, [
      context.getHandler(),
      context.getClass(),
    ]);
    request[CALLER] = await this.authenticator.authenticate(
      { method: request.method, target: request.originalUrl, authorization: request.headers.authorization, body },
      undefined,
      { nonceWithWork: nonceWithWork === true },
    );
    return true;
  }
}
