import { CanActivate, ExecutionContext, Inject, Injectable, SetMetadata, createParamDecorator } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { isFresh, parseAuthorization, unixSeconds, verifyRequestSignature } from '@hub/auth';
import { ProblemException } from '@hub/platform';
import { DepartmentCredential } from './department-credentials';

export const DEPARTMENT_CREDENTIALS = Symbol('DEPARTMENT_CREDENTIALS');
const ALLOWED = 'linkage:allowed-departments';

/** Which departments may call the handler; none listed: any authenticated department. */
export const AllowDepartments = (...codes: string[]): MethodDecorator & ClassDecorator => SetMetadata(ALLOWED, codes);

/** The calling department, as its verified credential says. */
export const CallerDepartment = createParamDecorator(
  (_: unknown, context: ExecutionContext): string =>
    context.switchToHttp().getRequest<Request & { department: string }>().department,
);

/** The verified credential's access key id: who, within the department, made the call. */
export const CallerAccessKeyId = createParamDecorator(
  (_: unknown, context: ExecutionContext): string =>
    context.switchToHttp().getRequest<Request & { accessKeyId: string }>().accessKeyId,
);

/**
 * Checks a HUB-HMAC-SHA256 signature (spec/HTTP-SIGNING.md) and that the credential's department may call the
 * handler. Nonces are remembered per process for the 300 s window; behind several replicas a load balancer with
 * sticky routing per credential, or the gateway, keeps replays out.
 */
@Injectable()
export class DepartmentAuthGuard implements CanActivate {
  private readonly byKey: Map<string, DepartmentCredential[]>;
  private readonly nonces = new Map<string, number>();

  constructor(
    private readonly reflector: Reflector,
    @Inject(DEPARTMENT_CREDENTIALS) credentials: DepartmentCredential[],
  ) {
    this.byKey = new Map();
    for (const c of credentials) this.byKey.set(c.accessKeyId, [...(this.byKey.get(c.accessKeyId) ?? []), c]);
  }

  canActivate(context: ExecutionContext): boolean {
    const request = context
      .switchToHttp()
      .getRequest<Request & { department?: string; accessKeyId?: string; rawBody?: Buffer }>();
    const parsed = parseAuthorization(request.headers.authorization);
    if (!parsed.ok) throw new ProblemException(401, parsed.problem, parsed.detail);
    const { accessKeyId, timestamp, nonce, signature } = parsed.authorization;
    const credentials = this.byKey.get(accessKeyId) ?? [];
    const now = unixSeconds();
    const [path, query = ''] = request.originalUrl.split('?');
    const signed = { method: request.method, path, query, body: request.rawBody, timestamp, nonce };
    if (
      credentials.length === 0 ||
      !verifyRequestSignature(
        credentials.map((c) => c.secret),
        signed,
        signature,
      )
    ) {
      throw new ProblemException(401, 'bad-signature', 'the signature does not match');
    }
    if (!isFresh(timestamp, now))
      throw new ProblemException(401, 'stale-timestamp', 'Timestamp is more than 300 s off');
    this.forgetOldNonces(now);
    const seen = `${accessKeyId}\u0000${nonce}`;
    if (this.nonces.has(seen)) throw new ProblemException(401, 'replayed-nonce', 'this nonce was used already');
    this.nonces.set(seen, now);
    const department = credentials[0].department;
    const allowed = this.reflector.getAllAndOverride<string[] | undefined>(ALLOWED, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (allowed && allowed.length > 0 && !allowed.includes(department)) {
      throw new ProblemException(403, 'forbidden', `${department} may not do this (allowed: ${allowed.join(', ')})`);
    }
    request.department = department;
    request.accessKeyId = accessKeyId;
    return true;
  }

  private forgetOldNonces(now: number): void {
    if (this.nonces.size < 10_000) return;
    for (const [key, at] of this.nonces) if (now - at > 600) this.nonces.delete(key);
  }
}
