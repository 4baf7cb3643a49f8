import { ExecutionContext, createParamDecorator } from '@nestjs/common';
import { CALLER, Caller, RequestWithCaller } from '../auth/caller.decorator';
import type { SessionPerson } from './people.service';

/** Where SessionOrSignedGuard leaves the person of a session. */
export const PERSON = Symbol('hub.person');

export type RequestWithPerson = RequestWithCaller & { [PERSON]?: SessionPerson };

/** Who called: a person (Hub-Session) or a department system (signed); one of the two after SessionOrSignedGuard. */
export type Principal = { kind: 'person'; person: SessionPerson } | { kind: 'system'; caller: Caller };

export function principalOf(request: RequestWithPerson): Principal {
  const person = request[PERSON];
  if (person) return { kind: 'person', person };
  const caller = request[CALLER];
  // A route that reads the principal without SessionOrSignedGuard is a programming error, never a client's.
  if (!caller) throw new Error('no principal on this request: guard the route with SessionOrSignedGuard');
  return { kind: 'system', caller };
}

/** `handler(@CallerPrincipal() principal: Principal)`; needs SessionOrSignedGuard on the route. */
export const CallerPrincipal = createParamDecorator((_: unknown, context: ExecutionContext): Principal =>
  principalOf(context.switchToHttp().getRequest<RequestWithPerson>()),
);

/** The person of the session: `handler(@Person() person: SessionPerson)`; needs SessionGuard on the route. */
export const Person = createParamDecorator((_: unknown, context: ExecutionContext): SessionPerson => {
  const principal = principalOf(context.switchToHttp().getRequest<RequestWithPerson>());
  if (principal.kind !== 'person') throw new Error('no person on this request: guard the route with SessionGuard');
  return principal.person;
});
