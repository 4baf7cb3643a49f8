import { HubAppDefinition } from '@hub/platform';
import { CatalogueModule } from './catalogue/catalogue.module';
import { GATEWAY_OPENAPI } from './catalogue/gateway-openapi';
import { IngressModule } from './ingress/ingress.module';

/** The department systems' door to the hub. */
export const gatewayApp: HubAppDefinition = {
  name: 'gateway',
  modules: [IngressModule, CatalogueModule],
  entities: [],
  migrations: [],
  openApi: GATEWAY_OPENAPI,
};
