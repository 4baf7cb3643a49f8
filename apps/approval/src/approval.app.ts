import { Enterprise, EnterpriseDirectory1764230500000, EnterpriseDirectoryModule } from '@hub/directory';
import { HubAppDefinition } from '@hub/platform';

/** 审批局's side of the hub: matters, licences, commitments and pushes arrive with the 审管衔接 issue. */
export const approvalApp: HubAppDefinition = {
  name: 'approval',
  modules: [EnterpriseDirectoryModule],
  entities: [Enterprise],
  migrations: [EnterpriseDirectory1764230500000],
};
