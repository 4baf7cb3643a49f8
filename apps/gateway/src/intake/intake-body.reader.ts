import { Injectable } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { NextFunction, Request, Response } from 'express';
import { ProblemException } from '@hub/platform';
import { RefusalsService } from '../auth/refusals.service';
import { readBody } from '../auth/request-body';
import { GatewayEnv } from '../gateway.env';

export const INTAKE_PATHS = { single: '/v1/events', batch: '/v1/events:batch' } as const;

/**
 * Reads the bodies of the intake routes itself, before any of Express's parsers: the signature covers the exact
 * bytes, CloudEvents media types are the intake's to decide, and a body over the route's limit gets a 413 problem
 * without being read. Registered on the HTTP adapter when this provider is built, which Nest does before it adds
 * its own body parsers; those then see a finished request and leave it alone.
 */
@Injectable()
export class IntakeBodyReader {
  constructor(adapterHost: HttpAdapterHost, env: GatewayEnv, refusals: RefusalsService) {
    const limits = new Map<string, number>([
      [INTAKE_PATHS.single, env.GATEWAY_MAX_EVENT_BYTES],
      [INTAKE_PATHS.batch, env.GATEWAY_MAX_BATCH_BYTES],
    ]);
    adapterHost.httpAdapter.use((request: Request & { rawBody?: Buffer }, _: Response, next: NextFunction) => {
      const limit = request.method === 'POST' ? limits.get(request.url.split('?')[0]) : undefined;
      if (limit === undefined) return next();
      const encoding = request.headers['content-encoding'];
      if (encoding !== undefined && encoding !== 'identity') {
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
          ),
        );
      }
      readBody(request, limit).then(
        (body) => {
          request.rawBody = body;
          next();
        },
        (error: unknown) => {
          if (error instanceof ProblemException) {
            refusals.refused({
              channel: 'http',
              department: undefined,
              problem: error.problemType,
              status: error.getStatus(),
            });
          }
          next(error);
        },
      );
    });
  }
}
