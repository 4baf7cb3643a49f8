import { Injectable } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { NextFunction, Request, Response } from 'express';
import { ProblemException } from '@hub/platform';
import { GatewayEnv } from '../gateway.env';
import { RefusalsService } from './refusals.service';
import { declaredLength, hasBody, payloadTooLarge } from './request-body';

/**
 * What holds for the body of every request to the gateway, before any route is looked for: no Content-Encoding (the
 * signature covers the bytes sent, and a compressed body could grow past any limit once inflated), and no declared
 * length over the largest limit of any route. Nothing here reads a body: the gateway's app runs without Nest's body
 * parsers, and SignedRequestGuard reads a signed route's body under that route's limit. Registered on the HTTP
 * adapter when this provider is built, before the routes.
 */
@Injectable()
export class RequestBodyGate {
  constructor(adapterHost: HttpAdapterHost, env: GatewayEnv, refusals: RefusalsService) {
    const ceiling = Math.max(env.GATEWAY_MAX_EVENT_BYTES, env.GATEWAY_MAX_BATCH_BYTES, env.GATEWAY_MAX_REQUEST_BYTES);
    adapterHost.httpAdapter.use((request: Request, _: Response, next: NextFunction) => {
      if (!hasBody(request)) return next();
      const encoding = request.headers['content-encoding'];
      if (encoding !== undefined && encoding.trim().toLowerCase() !== 'identity') {
        refusals.refused({ channel: 'http', department: undefined, problem: 'unsupported-media-type', status: 415 });
        return next(
          new ProblemException(
            415,
            'unsupported-media-type',
            `Content-Encoding ${encoding} is not supported: send the body as is`,
            [
              {
                field: 'content-encoding',
                rule: 'identity',
                message: 'the signed body is the bytes sent; compression is not supported',
              },
            ],
            { Connection: 'close' },
          ),
        );
      }
      const declared = declaredLength(request);
      if (declared !== undefined && declared > ceiling) {
        refusals.refused({ channel: 'http', department: undefined, problem: 'payload-too-large', status: 413 });
        return next(payloadTooLarge(ceiling));
      }
      next();
    });
  }
}
