import { Module } from '@nestjs/common';
import { CredentialsModule } from '../credentials/credentials.module';
import { AdminGuard } from './admin.guard';
import { MeController } from './me.controller';
import { NonceRepository } from './nonce.repository';
import { RefusalsService } from './refusals.service';
import { RequestAuthenticator } from './request-authenticator.service';
import { RequestBodyGate } from './request-body.gate';
import { SignedRequestGuard } from './signed-request.guard';

/**
 * Signed requests and who may do what. A module whose controllers use `@Signed()` / `@AdminOnly()` (or the
 * guards) imports this one: the guards are built in the controller's module from what this module exports.
 */
@Module({
  imports: [CredentialsModule],
  controllers: [MeController],
  providers: [NonceRepository, RefusalsService, RequestAuthenticator, RequestBodyGate, SignedRequestGuard, AdminGuard],
  exports: [CredentialsModule, NonceRepository, RefusalsService, RequestAuthenticator, SignedRequestGuard, AdminGuard],
})
export class AuthModule {}
