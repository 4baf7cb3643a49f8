import { Enterprise, EnterpriseDirectory1764230500000, EnterpriseDirectoryModule } from '@hub/directory';
import { HubAppDefinition } from '@hub/platform';
import { RegistryLicences1765100000000 } from './migrations/1765100000000-registry-licences';
import { RegistryModule } from './registry/registry.module';
import { RegistryEnv } from './registry.env';

/** 电子证照 / 电子印章: licence and seal holders are the directory's enterprises. */
export const registryApp: HubAppDefinition = {
  name: 'registry',
  modules: [EnterpriseDirectoryModule, RegistryModule],
  entities: [Enterprise],
  migrations: [EnterpriseDirectory1764230500000, RegistryLicences1765100000000],
  env: RegistryEnv,
};
