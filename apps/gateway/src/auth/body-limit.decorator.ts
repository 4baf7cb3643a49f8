import { SetMetadata } from '@nestjs/common';
import { GatewayEnv } from '../gateway.env';

export const BODY_LIMIT = 'hub:body-limit';

export interface BodyLimitPolicy {
  /** The most bytes the route's body may have. */
  readonly maxBytes: (env: GatewayEnv) => number;
  /** The handler reads the raw bytes itself (`request.rawBody`); otherwise a JSON body is parsed for `@Body()`. */
  readonly raw: boolean;
}

/** The policy of a signed route without `@BodyLimit`: GATEWAY_MAX_REQUEST_BYTES, JSON. */
export const DEFAULT_BODY_LIMIT: BodyLimitPolicy = { maxBytes: (env) => env.GATEWAY_MAX_REQUEST_BYTES, raw: false };

/**
 * The body limit of a signed route, which SignedRequestGuard applies once the route is known, whatever spelling of
 * its path reached it: by Content-Length before anything else, then counted while the body is read, which happens
 * only once the headers' part of the signature checks out.
 */
export const BodyLimit = (
  maxBytes: (env: GatewayEnv) => number,
  { raw = false }: { raw?: boolean } = {},
): MethodDecorator & ClassDecorator => SetMetadata(BODY_LIMIT, { maxBytes, raw } satisfies BodyLimitPolicy);
