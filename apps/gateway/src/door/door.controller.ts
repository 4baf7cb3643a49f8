import { All, Controller, NotFoundException, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { AssertionClaims } from '@hub/assertion';
import { ProblemException } from '@hub/platform';
import { BodyLimit } from '../auth/body-limit.decorator';
import { clientAddress } from '../people/client-address';
import { CallerPrincipal, Principal } from '../people/person.decorator';
import { PersonActionsRepository } from '../people/person-actions.repository';
import { SessionOrSigned } from '../people/session.guard';
import { DOOR_APPS, routeOf } from './door-routes';
import { DoorForwarder } from './door.forwarder';

/**
 * `/v1/<app>/…` for every app of the route table: signed by a system's credential or carrying a person's session
 * (and its CSRF token unless a GET), checked here once, forwarded with the edge's assertion naming the system or the
 * person. The body is passed on as sent (the app parses and validates it), under the gateway's limit. A person's
 * every non-GET call is in the audit with the app's status, written before the answer goes back. Listed in the
 * OpenAPI document from the route table (gateway-openapi.ts).
 */
@ApiExcludeController()
@Controller()
@SessionOrSigned()
@BodyLimit((env) => env.GATEWAY_MAX_REQUEST_BYTES, { raw: true })
export class DoorController {
  constructor(
    private readonly forwarder: DoorForwarder,
    private readonly actions: PersonActionsRepository,
  ) {}

  @All(Object.keys(DOOR_APPS).map((app) => `v1/${app}/*rest`))
  async forward(
    @Req() request: Request & { rawBody?: Buffer },
    @Res() response: Response,
    @CallerPrincipal() principal: Principal,
  ): Promise<void> {
    const route = routeOf(request.originalUrl);
    if (!route) throw new NotFoundException();
    const call = {
      method: request.method,
      path: route.path,
      contentType: request.headers['content-type'],
      accept: request.headers.accept,
      body: request.rawBody ?? Buffer.alloc(0),
    };
    if (principal.kind === 'system') {
      return this.forwarder.forward(route.app, claimsOf(principal), call, response);
    }
    const audited = request.method !== 'GET' && request.method !== 'HEAD';
    const record = (status: number) =>
      this.actions.record({
        action: 'call',
        accountId: principal.person.id,
        username: principal.person.username,
        method: request.method,
        path: request.originalUrl,
        status,
        address: clientAddress(request),
      });
    try {
      await this.forwarder.forward(route.app, claimsOf(principal), call, response, audited ? record : undefined);
    } catch (error) {
      // The app could not be reached or did not answer: the call is recorded with the gateway's 502 or 504.
      if (audited && error instanceof ProblemException) await record(error.getStatus());
      throw error;
    }
  }
}

function claimsOf(principal: Principal): AssertionClaims {
  if (principal.kind === 'system') {
    const { caller } = principal;
    return {
      kind: 'system',
      subject: caller.accessKeyId,
      department: caller.department,
      system: caller.systemName,
      roles: [],
    };
  }
  const { person } = principal;
  return {
    kind: 'person',
    subject: person.id,
    department: person.department,
    name: person.username,
    roles: person.roles,
  };
}
