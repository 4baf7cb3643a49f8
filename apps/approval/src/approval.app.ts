import { Enterprise, EnterpriseDirectory1764230500000, EnterpriseDirectoryModule } from '@hub/directory';
import { HubAppDefinition } from '@hub/platform';
import { ApprovalEnv } from './approval.env';
import { Approval } from './linkage/entities/approval.entity';
import { Push } from './linkage/entities/push.entity';
import { RevocationRequest } from './linkage/entities/revocation-request.entity';
import { TimelineEntry } from './linkage/entities/timeline-entry.entity';
import { LinkageModule } from './linkage/linkage.module';
import { MatterVersion } from './matters/entities/matter-version.entity';
import { MattersModule } from './matters/matters.module';
import { ApprovalLinkage1764400000000 } from './migrations/1764400000000-approval-linkage';

/** 审批局's side of the hub: the catalogue of matters, the decisions it receives, and 审管衔接's pushes. */
export const approvalApp: HubAppDefinition = {
  name: 'approval',
  modules: [EnterpriseDirectoryModule, MattersModule, LinkageModule],
  entities: [Enterprise, MatterVersion, Approval, Push, TimelineEntry, RevocationRequest],
  migrations: [EnterpriseDirectory1764230500000, ApprovalLinkage1764400000000],
  env: ApprovalEnv,
  // Its own events are read back only to rebuild; each is applied in the transaction that writes it.
  appliesOwnEventsWhenWritten: true,
};
