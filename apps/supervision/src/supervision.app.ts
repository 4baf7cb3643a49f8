import { Enterprise, EnterpriseDirectory1764230500000, EnterpriseDirectoryModule } from '@hub/directory';
import { HubAppDefinition } from '@hub/platform';

/** The supervising departments' side: claims, deadlines, supervision and feedback. */
export const supervisionApp: HubAppDefinition = {
  name: 'supervision',
  modules: [EnterpriseDirectoryModule],
  entities: [Enterprise],
  migrations: [EnterpriseDirectory1764230500000],
};
