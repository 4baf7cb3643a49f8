import { CanActivate, ExecutionContext, Injectable, SetMetadata, UseGuards, applyDecorators } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { PersonRole } from '@hub/assertion';
import { ProblemException } from '@hub/platform';
import { RequestWithPerson, principalOf } from './person.decorator';
import { SessionOrSignedGuard } from './session.guard';

const ROLES = 'hub:gateway-people-roles';

/**
 * The route is for people with one of `roles` (a session, and the CSRF token unless safe), or for an admin system
 * (a signed request of 信息化中心's hub operators, the bootstrap admin's among them).
 */
export const ForRolesOrAdminSystem = (...roles: PersonRole[]): MethodDecorator & ClassDecorator =>
  applyDecorators(SetMetadata(ROLES, roles), UseGuards(SessionOrSignedGuard, RolesGuard));

@Injectable()
export class RolesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const roles = this.reflector.getAllAndOverride<PersonRole[]>(ROLES, [context.getHandler(), context.getClass()]);
    const principal = principalOf(context.switchToHttp().getRequest<RequestWithPerson>());
    const allowed =
      principal.kind === 'person'
        ? roles.some((role) => principal.person.roles.includes(role))
        : principal.caller.admin;
    if (allowed) return true;
    const rule = roles.map((r, i) => (i === 0 ? r : r[0]!.toUpperCase() + r.slice(1))).join('Or');
    throw new ProblemException(403, 'forbidden', `this needs role ${roles.join(' or ')} (信息化中心)`, [
      { field: 'roles', rule, message: `sign in as a person with role ${roles.join(' or ')}` },
    ]);
  }
}
