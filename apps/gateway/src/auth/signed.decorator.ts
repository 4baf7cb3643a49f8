import { UseGuards, applyDecorators } from '@nestjs/common';
import { AdminGuard } from './admin.guard';
import { SignedRequestGuard } from './signed-request.guard';

/** The route needs a request signed by an active credential (spec/HTTP-SIGNING.md). */
export const Signed = (): MethodDecorator & ClassDecorator => applyDecorators(UseGuards(SignedRequestGuard));

/** The route needs a signed request from an admin system (信息化中心's hub operators). */
export const AdminOnly = (): MethodDecorator & ClassDecorator =>
  applyDecorators(UseGuards(SignedRequestGuard, AdminGuard));
