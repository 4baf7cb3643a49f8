import { Enterprise, EnterpriseDirectory1764230500000, EnterpriseDirectoryModule } from '@hub/directory';
import { HubAppDefinition } from '@hub/platform';

/** 电子证照 / 电子印章: licence and seal holders are the directory's enterprises. */
export const registryApp: HubAppDefinition = {
  name: 'registry',
  modules: [EnterpriseDirectoryModule],
  entities: [Enterprise],
  migrations: [EnterpriseDirectory1764230500000],
};
