import { Enterprise, EnterpriseDirectory1764230500000, EnterpriseDirectoryModule } from '@hub/directory';
import { HubAppDefinition } from '@hub/platform';
import { SupervisedPush } from './linkage/entities/supervised-push.entity';
import { SupervisionAction } from './linkage/entities/supervision-action.entity';
import { SupervisionModule } from './linkage/supervision.module';
import { SupervisionLinkage1764400100000 } from './migrations/1764400100000-supervision-linkage';
import { SupervisionHeldClaims1765000000000 } from './migrations/1765000000000-supervision-held-claims';
import { SupervisionEnv } from './supervision.env';

/** The supervising departments' side: claims, deadlines, supervision and feedback. */
export const supervisionApp: HubAppDefinition = {
  name: 'supervision',
  modules: [EnterpriseDirectoryModule, SupervisionModule],
  entities: [Enterprise, SupervisedPush, SupervisionAction],
  migrations: [EnterpriseDirectory1764230500000, SupervisionLinkage1764400100000, SupervisionHeldClaims1765000000000],
  env: SupervisionEnv,
  // Its own events are read back only to rebuild; each is applied in the transaction that writes it.
  appliesOwnEventsWhenWritten: true,
};
