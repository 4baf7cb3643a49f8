import { Controller, Get, NotFoundException, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { PUBLIC_CALLER } from '@hub/assertion';
import { DOOR_APPS, routeOf } from './door-routes';
import { DoorForwarder } from './door.forwarder';

/**
 * `GET /v1/<app>/public/…`: what the hub publishes (一公开), for anyone, without a session or a signature. Forwarded
 * with the public's assertion, which an app takes only on handlers marked `@AllowPublic()`: a route the app did not
 * open to the public answers 403 whoever asks this way. Reads only; no body is passed on.
 */
@ApiExcludeController()
@Controller()
export class PublicDoorController {
  constructor(private readonly forwarder: DoorForwarder) {}

  @Get(Object.keys(DOOR_APPS).map((app) => `v1/${app}/public/*rest`))
  async forward(@Req() request: Request, @Res() response: Response): Promise<void> {
    const route = routeOf(request.originalUrl);
    if (!route) throw new NotFoundException();
    await this.forwarder.forward(
      route.app,
      PUBLIC_CALLER,
      { method: 'GET', path: route.path, accept: request.headers.accept, body: Buffer.alloc(0) },
      response,
    );
  }
}
