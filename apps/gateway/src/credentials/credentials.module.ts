import { Module } from '@nestjs/common';
import { CredentialsRepository } from './credentials.repository';
import { CredentialsService } from './credentials.service';

/** Departments' systems and their credentials (no HTTP: the admin API is CredentialsAdminModule). */
@Module({
  providers: [CredentialsRepository, CredentialsService],
  exports: [CredentialsService],
})
export class CredentialsModule {}
