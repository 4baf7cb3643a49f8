import { Enterprise, EnterpriseDirectory1764230500000, EnterpriseDirectoryModule } from '@hub/directory';
import { HubAppDefinition } from '@hub/platform';

/** 双随机、一公开: the enterprise directory is the base of the target directory (检查对象名录库). */
export const inspectionApp: HubAppDefinition = {
  name: 'inspection',
  modules: [EnterpriseDirectoryModule],
  entities: [Enterprise],
  migrations: [EnterpriseDirectory1764230500000],
};
