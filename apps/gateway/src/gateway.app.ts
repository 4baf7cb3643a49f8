import { HubAppDefinition } from '@hub/platform';
import { IngressModule } from './ingress/ingress.module';

/** The department systems' door to the hub. */
export const gatewayApp: HubAppDefinition = {
  name: 'gateway',
  modules: [IngressModule],
  entities: [],
  migrations: [],
};
