import { Module } from '@nestjs/common';
import { SupervisionEnv } from '../supervision.env';
import { DEPARTMENT_CREDENTIALS, DepartmentAuthGuard } from './department-auth.guard';
import { parseCredentials } from './department-credentials';

@Module({
  providers: [
    {
      provide: DEPARTMENT_CREDENTIALS,
      useFactory: (env: SupervisionEnv) => parseCredentials(env.LINKAGE_CREDENTIALS, env.NODE_ENV === 'production'),
      inject: [SupervisionEnv],
    },
    DepartmentAuthGuard,
  ],
  exports: [DEPARTMENT_CREDENTIALS, DepartmentAuthGuard],
})
export class AuthModule {}
