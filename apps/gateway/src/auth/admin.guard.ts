import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { ProblemException } from '@hub/platform';
import { AuthProblems } from './auth-problems';
import { RequestWithCaller, callerOf } from './caller.decorator';
import { RefusalsService } from './refusals.service';

/**
 * The admin API is for the hub's operators: a system flagged admin, which only a system of 信息化中心 (XXHZX), the
 * zone's information centre that runs the hub, can be (CredentialsService enforces it at registration). Runs after
 * SignedRequestGuard.
 */
@Injectable()
export class AdminGuard implements CanActivate {
  constructor(private readonly refusals: RefusalsService) {}

  canActivate(context: ExecutionContext): boolean {
    const caller = callerOf(context.switchToHttp().getRequest<RequestWithCaller>());
    if (caller.admin) return true;
    const detail = `${caller.department}/${caller.systemName} is not an admin system: the admin API is for 信息化中心's hub operators`;
    this.refusals.refused({
      channel: 'http',
      department: caller.department,
      problem: AuthProblems.forbidden,
      status: 403,
      detail,
      accessKeyId: caller.accessKeyId,
    });
    throw new ProblemException(403, AuthProblems.forbidden, detail);
  }
}
