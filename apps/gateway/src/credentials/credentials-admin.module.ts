import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { CredentialsAdminController } from './credentials-admin.controller';

/** The admin API over CredentialsModule (apart from it, so that AuthModule can build on CredentialsModule). */
@Module({
  imports: [AuthModule],
  controllers: [CredentialsAdminController],
})
export class CredentialsAdminModule {}
