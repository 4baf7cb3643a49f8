import { CanActivate, ExecutionContext, Inject, Injectable, SetMetadata, createParamDecorator } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ProblemException } from '@hub/platform';
import { ASSERTION_HEADER, AssertedCaller, AssertionRefused, AssertionVerifier } from './assertion';
import { PersonRole } from './person-roles';

export const ASSERTION_VERIFIER = Symbol('ASSERTION_VERIFIER');
const ALLOWED = 'hub:allowed-departments';
const PEOPLE = 'hub:allowed-people';
const PUBLIC = 'hub:allowed-public';
const CALLER = Symbol('hub.asserted-caller');

type RequestWithCaller = {
  headers: Record<string, string | string[] | undefined>;
  params?: Record<string, string | undefined>;
  [CALLER]?: AssertedCaller;
};

/** Which departments may call the handler; none listed: any department the edge vouches for. */
export const AllowDepartments = (...codes: string[]): MethodDecorator & ClassDecorator => SetMetadata(ALLOWED, codes);

/** Which people may call a handler, by their roles (systems are held to `@AllowDepartments` alone). */
export interface PeopleRule {
  /** The roles that may; `any`: every signed-in person. */
  readonly roles: readonly PersonRole[] | 'any';
  /**
   * Those roles only in the person's own department: `true` where the app acts for the caller's department anyway
   * (claims, returns, supervisions), or the route parameter that names the department the call is about.
   */
  readonly ownDepartment?: true | string;
  /** Roles that may whatever the department (operators, auditors, coordinators reading any ledger). */
  readonly anyDepartment?: readonly PersonRole[];
}

/**
 * What people may call the handler (method or class; the method's wins). A person's call to a handler without it is
 * 403: routes are closed to people until they say who may.
 */
export const AllowPeople = (rule: PeopleRule): MethodDecorator & ClassDecorator => SetMetadata(PEOPLE, rule);

/** The rule a person's call breaks (`supervisorOfDepartment`…), with what to do; undefined when it may. */
export function peopleRefusal(
  caller: Pick<AssertedCaller, 'department' | 'roles'>,
  rule: PeopleRule | undefined,
  params: Record<string, string | undefined> = {},
): { rule: string; message: string } | undefined {
  if (!rule) return { rule: 'allowPeople', message: 'this route is for department systems, not for people' };
  if (rule.anyDepartment?.some((role) => caller.roles.includes(role))) return undefined;
  const name =
    rule.roles === 'any'
      ? 'signedIn'
      : `${rule.roles.map((r, i) => (i === 0 ? r : r[0]!.toUpperCase() + r.slice(1))).join('Or')}${rule.ownDepartment === undefined ? '' : 'OfDepartment'}`;
  const hasRole = rule.roles === 'any' ? caller.roles.length > 0 : rule.roles.some((r) => caller.roles.includes(r));
  const department = typeof rule.ownDepartment === 'string' ? params[rule.ownDepartment] : caller.department;
  if (hasRole && department === caller.department) return undefined;
  const roles = rule.roles === 'any' ? 'a role' : `role ${rule.roles.join(' or ')}`;
  const anywhere = rule.anyDepartment?.length ? ` (or ${rule.anyDepartment.join(', ')} of any department)` : '';
  const own = rule.ownDepartment === undefined ? '' : ` of ${department ?? 'the department'}`;
  return {
    rule: name,
    message: `this needs ${roles}${own}${anywhere}; you have ${caller.department}: ${caller.roles.join(', ') || 'none'}`,
  };
}

/**
 * A handler anyone may call, the public included (一公开 reads): it still needs the edge's assertion, so the app stays
 * closed to calls that did not come through the gateway. Such a handler returns only what may be published.
 */
export const AllowPublic = (): MethodDecorator & ClassDecorator => SetMetadata(PUBLIC, true);

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
 * the handler allows (`@AllowDepartments`), and a person's roles what `@AllowPeople` wants, else 403.
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
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean | undefined>(PUBLIC, targets)) {
      request[CALLER] = caller;
      return true;
    }
    if (caller.kind === 'public') {
      throw new ProblemException(403, 'forbidden', 'this is not public: sign in, or call as a department system', [
        { field: ASSERTION_HEADER, rule: 'allowPublic', message: 'the route is not open to the public' },
      ]);
    }
    const allowed = this.reflector.getAllAndOverride<string[] | undefined>(ALLOWED, targets);
    if (allowed && allowed.length > 0 && !allowed.includes(caller.department)) {
      throw new ProblemException(
        403,
        'forbidden',
        `${caller.department} may not do this (allowed: ${allowed.join(', ')})`,
      );
    }
    if (caller.kind === 'person') {
      const rule = this.reflector.getAllAndOverride<PeopleRule | undefined>(PEOPLE, targets);
      const refused = peopleRefusal(caller, rule, request.params);
      if (refused) {
        throw new ProblemException(403, 'forbidden', refused.message, [{ field: 'roles', ...refused }]);
      }
    }
    request[CALLER] = caller;
    return true;
  }
}
