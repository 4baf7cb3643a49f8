import { DynamicModule, Module } from '@nestjs/common';
import { AssertionVerifier } from './assertion';
import { AssertionEnv, edgePublicKey } from './assertion.env';
import { ASSERTION_VERIFIER, AssertionGuard } from './assertion.guard';

/** Calls through the gateway for the app `audience`, whose env class extends AssertionEnv. */
@Module({})
export class AssertionModule {
  static forApp(audience: string, envClass: new () => AssertionEnv): DynamicModule {
    return {
      module: AssertionModule,
      providers: [
        {
          provide: ASSERTION_VERIFIER,
          useFactory: (env: AssertionEnv) => AssertionVerifier.fromPem(edgePublicKey(env), audience),
          inject: [envClass],
        },
        AssertionGuard,
      ],
      exports: [ASSERTION_VERIFIER, AssertionGuard],
    };
  }
}
