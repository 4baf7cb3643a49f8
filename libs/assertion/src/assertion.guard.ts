import { CanActivate, ExecutionContext, Inject, Injectable, SetMetadata, createParamDecorator } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ProblemException } from '@hub/platform';
import { ASSERTION_HEADER, AssertedCaller, AssertionRefused, AssertionVerifier } from './assertion';

export const ASSERTION_VERIFIER = Symbol('ASSERTION_VERIFIER');
const ALLOWED = 'hub:allowed-departments';
const CALLER = Symbol('hub.asserted-caller');

type RequestWithCaller = { headers: Record<string, string | string[] | undefined>; [CALLER]?: AssertedCaller };

/** Which departments may call the handler; none listed: any department the edge vouches for. */
export const AllowDepartments = (...codes: string[]): MethodDecorator & ClassDecorator => SetMetadata(ALLOWED, codes);

function callerOf(context: ExecutionContext): AssertedCaller {
  const caller = context.switchToHttp().getRequest<RequestWithCaller>()[CALLER];
  // A handler reading the caller without AssertionGuard is a programming error, never a client's.
  if (!caller) throw new Error('no caller on this request: guard the route with AssertionGuard');
  return caller;
}

/** The verified caller: `handler(@Caller() caller: AssertedCaller)`. Needs AssertionGuard on the route. */
export const Caller = createParamDecorator((_: unknown, context: ExecutionContext): AssertedCaller =>
  callerOf(context),
);

/** The calling department, as the edge's assertion says. */
export const CallerDepartment = createParamDecorator(
  (_: unknown, context: ExecutionContext): string => callerOf(context).department,
);

/**
 * Lets a request through only with a valid assertion of the edge for this app (signature, issuer, audience, expiry):
 * the gateway authenticated the caller, and the app holds no secret of anyone. Then the department must be one
 * the handler allows (`@AllowDepartments`), else 403.
 */
@Injectable()
export class AssertionGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(ASSERTION_VERIFIER) private readonly verifier: AssertionVerifier,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<RequestWithCaller>();
    const caller = await this.verifier.verify(request.headers[ASSERTION_HEADER]).catch((error: unknown) => {
      if (!(error instanceof AssertionRefused)) throw error;
      throw new ProblemException(
        401,
        'invalid-assertion',
        error.message,
        [{ field: ASSERTION_HEADER, rule: error.rule, message: error.message }],
        { 'WWW-Authenticate': 'Hub-Assertion' },
      );
    });
    const allowed = this.reflector.getAllAndOverride<string[] | undefined>(ALLOWED, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (allowed && allowed.length > 0 && !allowed.includes(caller.department)) {
      throw new ProblemException(
        403,
        'forbidden',
        `${caller.department} may not do this (allowed: ${allowed.join(', ')})`,
      );
    }
    request[CALLER] = caller;
    return true;
  }
}
