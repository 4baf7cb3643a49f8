import { All, Controller, NotFoundException, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { BodyLimit } from '../auth/body-limit.decorator';
import { Caller } from '../auth/caller.decorator';
import { Signed } from '../auth/signed.decorator';
import { DOOR_APPS, routeOf } from './door-routes';
import { DoorForwarder } from './door.forwarder';

/**
 * `/v1/<app>/…` for every app of the route table: signed by the caller's credential, checked here once, forwarded
 * with the edge's assertion. The body is passed on as sent (the app parses and validates it), under the gateway's
 * limit for signed requests. Listed in the OpenAPI document from the route table (gateway-openapi.ts).
 */
@ApiExcludeController()
@Controller()
@Signed()
@BodyLimit((env) => env.GATEWAY_MAX_REQUEST_BYTES, { raw: true })
export class DoorController {
  constructor(private readonly forwarder: DoorForwarder) {}

  @All(Object.keys(DOOR_APPS).map((app) => `v1/${app}/*rest`))
  async forward(
    @Req() request: Request & { rawBody?: Buffer },
    @Res() response: Response,
    @Caller() caller: Caller,
  ): Promise<void> {
    const route = routeOf(request.originalUrl);
    if (!route) throw new NotFoundException();
    await this.forwarder.forward(
      route.app,
      caller,
      {
        method: request.method,
        path: route.path,
        contentType: request.headers['content-type'],
        accept: request.headers.accept,
        body: request.rawBody ?? Buffer.alloc(0),
      },
      response,
    );
  }
}
