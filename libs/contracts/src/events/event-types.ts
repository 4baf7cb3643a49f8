import { EventTypeRegistry } from '../registry/event-type.registry';
import { EnterpriseDeregisteredV1 } from './approval/enterprise-deregistered-v1/enterprise-deregistered-v1.event';
import { EnterpriseRegisteredV1 } from './approval/enterprise-registered-v1/enterprise-registered-v1.event';
import { LicenceGrantedV1 } from './approval/licence-granted-v1/licence-granted-v1.event';
import { LicenceChangedV1 } from './approval/licence-changed-v1/licence-changed-v1.event';
import { LicenceRenewedV1 } from './approval/licence-renewed-v1/licence-renewed-v1.event';
import { LicenceRevokedV1 } from './approval/licence-revoked-v1/licence-revoked-v1.event';
import { LicenceCancelledV1 } from './approval/licence-cancelled-v1/licence-cancelled-v1.event';
import { LicencePushedV1 } from './approval/licence-pushed-v1/licence-pushed-v1.event';
import { LicenceUnassignedV1 } from './approval/licence-unassigned-v1/licence-unassigned-v1.event';
import { LicencePushRemindedV1 } from './approval/licence-push-reminded-v1/licence-push-reminded-v1.event';
import { LicencePushOverdueV1 } from './approval/licence-push-overdue-v1/licence-push-overdue-v1.event';
import { LicencePushEscalatedV1 } from './approval/licence-push-escalated-v1/licence-push-escalated-v1.event';
import { PushClaimRefusedV1 } from './supervision/push-claim-refused-v1/push-claim-refused-v1.event';
import { PushClaimRequestedV1 } from './supervision/push-claim-requested-v1/push-claim-requested-v1.event';
import { PushClaimedV1 } from './supervision/push-claimed-v1/push-claimed-v1.event';
import { PushReturnedV1 } from './supervision/push-returned-v1/push-returned-v1.event';
import { PushSupervisedV1 } from './supervision/push-supervised-v1/push-supervised-v1.event';
import { PushFedBackV1 } from './supervision/push-fed-back-v1/push-fed-back-v1.event';
import { PushRevocationRequestedV1 } from './supervision/push-revocation-requested-v1/push-revocation-requested-v1.event';
import { PushRemindedV1 } from './supervision/push-reminded-v1/push-reminded-v1.event';
import { PushOverdueV1 } from './supervision/push-overdue-v1/push-overdue-v1.event';
import { PushEscalatedV1 } from './supervision/push-escalated-v1/push-escalated-v1.event';
import { DeadLetterRecordedV1 } from './console/dead-letter-recorded-v1/dead-letter-recorded-v1.event';
import { LedgerCheckpointedV1 } from './console/ledger-checkpointed-v1/ledger-checkpointed-v1.event';

/** Every event type the hub carries. Add a new one here after declaring it in its own folder. */
export const EVENT_TYPES = [
  EnterpriseRegisteredV1,
  EnterpriseDeregisteredV1,
  // 审管衔接
  LicenceGrantedV1,
  LicenceChangedV1,
  LicenceRenewedV1,
  LicenceRevokedV1,
  LicenceCancelledV1,
  LicencePushedV1,
  LicenceUnassignedV1,
  LicencePushRemindedV1,
  LicencePushOverdueV1,
  LicencePushEscalatedV1,
  PushClaimRequestedV1,
  PushClaimRefusedV1,
  PushClaimedV1,
  PushReturnedV1,
  PushSupervisedV1,
  PushFedBackV1,
  PushRevocationRequestedV1,
  PushRemindedV1,
  PushOverdueV1,
  PushEscalatedV1,
  // What became of a department's events
  DeadLetterRecordedV1,
  // The event ledger
  LedgerCheckpointedV1,
] as const;

/** The registry of {@link EVENT_TYPES}; what the gateway and every consumer validate against. */
export const eventTypeRegistry = new EventTypeRegistry(EVENT_TYPES);
