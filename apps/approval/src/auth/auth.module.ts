import { Module } from '@nestjs/common';
import { ApprovalEnv } from '../approval.env';
import { DEPARTMENT_CREDENTIALS, DepartmentAuthGuard } from './department-auth.guard';
import { parseCredentials } from './department-credentials';

@Module({
  providers: [
    {
      provide: DEPARTMENT_CREDENTIALS,
      useFactory: (env: ApprovalEnv) => parseCredentials(env.LINKAGE_CREDENTIALS, env.NODE_ENV === 'production'),
      inject: [ApprovalEnv],
    },
    DepartmentAuthGuard,
  ],
  exports: [DEPARTMENT_CREDENTIALS, DepartmentAuthGuard],
})
export class AuthModule {}
