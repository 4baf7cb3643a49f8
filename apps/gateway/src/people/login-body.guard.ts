import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { hasBody, jsonBody, readBody } from '../auth/request-body';

/** A login is a username and a password: a few hundred bytes, and no one is signed in yet to spend more on. */
const LOGIN_MAX_BYTES = 8 * 1_024;

/** Reads the unsigned JSON body of a login for `@Body()` (the gateway runs without Nest's body parsers). */
@Injectable()
export class LoginBodyGuard implements CanActivate {
  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<Request>();
    const body = hasBody(request) ? await readBody(request, LOGIN_MAX_BYTES) : Buffer.alloc(0);
    request.body = jsonBody(request, body);
    return true;
  }
}
