import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { ProblemException } from '@hub/platform';
import { GatewayEnv } from '../gateway.env';
import { BODY_LIMIT, BodyLimitPolicy, DEFAULT_BODY_LIMIT } from './body-limit.decorator';
import { CALLER, RequestWithCaller } from './caller.decorator';
import { NONCE_WITH_WORK } from './nonce-with-work';
import { RefusalsService } from './refusals.service';
import { RequestAuthenticator } from './request-authenticator.service';
import { RequestWithRawBody, declaredLength, hasBody, jsonBody, payloadTooLarge, readBody } from './request-body';

/**
 * Lets a request through only if it is signed per spec/HTTP-SIGNING.md by an active credential; the caller is then
 * available to the handler through `@Caller()`. Use `@UseGuards(SignedRequestGuard)` (or `@Signed()`), importing
 * AuthModule into the controller's module.
 *
 * The gateway reads bodies here, not in a parser before the routes: the route's limit (`@BodyLimit`) refuses a
 * Content-Length over it first; then the headers' part of the signature (form, time, credential) is checked, and
 * only then is the body read, counted against the limit, and the signature over it verified. An unsigned or
 * stale request is refused without its body ever being buffered.
 */
@Injectable()
export class SignedRequestGuard implements CanActivate {
  constructor(
    private readonly authenticator: RequestAuthenticator,
    private readonly reflector: Reflector,
    private readonly refusals: RefusalsService,
    private readonly env: GatewayEnv,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<Request & RequestWithCaller & RequestWithRawBody>();
    const targets = [context.getHandler(), context.getClass()];
    const policy =
      this.reflector.getAllAndOverride<BodyLimitPolicy | undefined>(BODY_LIMIT, targets) ?? DEFAULT_BODY_LIMIT;
    const nonceWithWork = this.reflector.getAllAndOverride<boolean | undefined>(NONCE_WITH_WORK, targets) === true;
    const limit = policy.maxBytes(this.env);
    const withBody = hasBody(request);
    const declared = declaredLength(request);
    if (declared !== undefined && declared > limit) throw this.tooLarge(limit);

    const claimed = await this.authenticator.identify(request.headers.authorization).catch((error: unknown) => {
      throw withBody ? closing(error) : error;
    });
    const body = withBody
      ? await readBody(request, limit).catch((error: unknown) => {
          if (error instanceof ProblemException && error.getStatus() === 413) throw this.tooLarge(limit);
          throw error;
        })
      : Buffer.alloc(0);
    request.rawBody = body;
    request[CALLER] = await this.authenticator.verify(
      claimed,
      { method: request.method, target: request.originalUrl, body },
      { nonceWithWork },
    );
    if (!policy.raw) request.body = jsonBody(request, body);
    return true;
  }

  private tooLarge(limit: number): ProblemException {
    this.refusals.refused({ channel: 'http', department: undefined, problem: 'payload-too-large', status: 413 });
    return payloadTooLarge(limit);
  }
}

/** A refusal sent before the body was read closes the connection after it (see payloadTooLarge). */
function closing(error: unknown): unknown {
  if (error instanceof ProblemException) error.headers.Connection = 'close';
  return error;
}
