import { DynamicModule, Module } from '@nestjs/common';
import { DEPARTMENT_CREDENTIALS, DepartmentAuthGuard } from './department-auth.guard';
import { DepartmentAuthEnv } from './department-auth.env';
import { parseCredentials } from './department-credentials';

/** Signed department calls for an app whose env class extends DepartmentAuthEnv. */
@Module({})
export class DepartmentAuthModule {
  static forEnv(envClass: new () => DepartmentAuthEnv): DynamicModule {
    return {
      module: DepartmentAuthModule,
      providers: [
        {
          provide: DEPARTMENT_CREDENTIALS,
          useFactory: (env: DepartmentAuthEnv) => parseCredentials(env.LINKAGE_CREDENTIALS, env.developmentMode),
          inject: [envClass],
        },
        DepartmentAuthGuard,
      ],
      exports: [DEPARTMENT_CREDENTIALS, DepartmentAuthGuard],
    };
  }
}
