import { HubAppDefinition } from '@hub/platform';
import { AuthModule } from './auth/auth.module';
import { RequestNonce } from './auth/entities/request-nonce.entity';
import { RequestNonces1764300100000 } from './auth/migrations/1764300100000-request-nonces';
import { CatalogueModule } from './catalogue/catalogue.module';
import { GATEWAY_OPENAPI } from './catalogue/gateway-openapi';
import { CredentialsAdminModule } from './credentials/credentials-admin.module';
import { Credential } from './credentials/entities/credential.entity';
import { DepartmentSystem } from './credentials/entities/department-system.entity';
import { Credentials1764300000000 } from './credentials/migrations/1764300000000-credentials';
import { GatewayEnv } from './gateway.env';
import { IngressModule } from './ingress/ingress.module';
import { IntakeReceipt } from './intake/entities/intake-receipt.entity';
import { IntakeModule } from './intake/intake.module';
import { IntakeReceipts1764300200000 } from './intake/migrations/1764300200000-intake-receipts';

/** The department systems' door to the hub. */
export const gatewayApp: HubAppDefinition = {
  name: 'gateway',
  modules: [AuthModule, CredentialsAdminModule, IntakeModule, IngressModule, CatalogueModule],
  entities: [DepartmentSystem, Credential, RequestNonce, IntakeReceipt],
  migrations: [Credentials1764300000000, RequestNonces1764300100000, IntakeReceipts1764300200000],
  env: GatewayEnv,
  openApi: GATEWAY_OPENAPI,
};
