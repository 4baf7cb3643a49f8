import { ExecutionContext, createParamDecorator } from '@nestjs/common';

/** Who signed the request: set by SignedRequestGuard from the credential. */
export interface Caller {
  readonly department: string;
  readonly systemId: string;
  /** The system's name within its department, e.g. `approval`. */
  readonly systemName: string;
  readonly accessKeyId: string;
  readonly admin: boolean;
  /**
   * The request's nonce, not yet recorded: only on a route marked `@NonceWithWork()`, which records it with its own
   * work and must do so on every path (RequestAuthenticator.recordNonce when no work is done).
   */
  readonly nonce?: NonceClaim;
}

/** A nonce a credential signed with, to be remembered until `expiresAtSeconds` (unix). */
export interface NonceClaim {
  readonly accessKeyId: string;
  readonly nonce: string;
  readonly expiresAtSeconds: number;
}

/** Where the guard leaves the caller on the request. */
export const CALLER = Symbol('hub.caller');

export type RequestWithCaller = { [CALLER]?: Caller };

export function callerOf(request: RequestWithCaller): Caller {
  const caller = request[CALLER];
  // A route that reads the caller without SignedRequestGuard is a programming error, never a client's.
  if (!caller) throw new Error('no caller on this request: guard the route with SignedRequestGuard');
  return caller;
}

/**
 * The signed request's caller: `handler(@Caller() caller: Caller)` (the name is both the decorator and the type).
 * Needs SignedRequestGuard on the route.
 */
export const Caller = createParamDecorator((_: unknown, context: ExecutionContext): Caller =>
  callerOf(context.switchToHttp().getRequest<RequestWithCaller>()),
);
