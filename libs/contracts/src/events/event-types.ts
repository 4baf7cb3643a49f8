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
import { RiskClassGradedV1 } from './inspection/risk-class-graded-v1/risk-class-graded-v1.event';
import { PlanLockedV1 } from './inspection/plan-locked-v1/plan-locked-v1.event';
import { PlanDrawnV1 } from './inspection/plan-drawn-v1/plan-drawn-v1.event';
import { PlanDrawVoidedV1 } from './inspection/plan-draw-voided-v1/plan-draw-voided-v1.event';
import { TaskAssignedV1 } from './inspection/task-assigned-v1/task-assigned-v1.event';
import { TaskCancelledV1 } from './inspection/task-cancelled-v1/task-cancelled-v1.event';
import { TaskPublicationOverdueV1 } from './inspection/task-publication-overdue-v1/task-publication-overdue-v1.event';
import { ResultReportedV1 } from './inspection/result-reported-v1/result-reported-v1.event';
import { TargetFrequencyExceededV1 } from './inspection/target-frequency-exceeded-v1/target-frequency-exceeded-v1.event';
import { ELicenceIssuedV1 } from './registry/licence-issued-v1/licence-issued-v1.event';
import { ELicenceChangedV1 } from './registry/licence-changed-v1/licence-changed-v1.event';
import { ELicenceRenewedV1 } from './registry/licence-renewed-v1/licence-renewed-v1.event';
import { ELicenceSuspendedV1 } from './registry/licence-suspended-v1/licence-suspended-v1.event';
import { ELicenceExpiredV1 } from './registry/licence-expired-v1/licence-expired-v1.event';
import { ELicenceRevokedV1 } from './registry/licence-revoked-v1/licence-revoked-v1.event';
import { ELicenceCancelledV1 } from './registry/licence-cancelled-v1/licence-cancelled-v1.event';
import { SealMadeV1 } from './registry/seal-made-v1/seal-made-v1.event';
import { SealChangedV1 } from './registry/seal-changed-v1/seal-changed-v1.event';
import { SealFiledV1 } from './registry/seal-filed-v1/seal-filed-v1.event';
import { SealCancelledV1 } from './registry/seal-cancelled-v1/seal-cancelled-v1.event';
import { GapOpenedV1 } from './registry/gap-opened-v1/gap-opened-v1.event';
import { GapClosedV1 } from './registry/gap-closed-v1/gap-closed-v1.event';
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
  // 双随机、一公开
  RiskClassGradedV1,
  PlanLockedV1,
  PlanDrawnV1,
  PlanDrawVoidedV1,
  TaskAssignedV1,
  TaskCancelledV1,
  TaskPublicationOverdueV1,
  ResultReportedV1,
  TargetFrequencyExceededV1,
  // 电子证照 / 电子印章
  ELicenceIssuedV1,
  ELicenceChangedV1,
  ELicenceRenewedV1,
  ELicenceSuspendedV1,
  ELicenceExpiredV1,
  ELicenceRevokedV1,
  ELicenceCancelledV1,
  SealMadeV1,
  SealChangedV1,
  SealFiledV1,
  SealCancelledV1,
  GapOpenedV1,
  GapClosedV1,
  // The event ledger
  LedgerCheckpointedV1,
] as const;

/** The registry of {@link EVENT_TYPES}; what the gateway and every consumer validate against. */
export const eventTypeRegistry = new EventTypeRegistry(EVENT_TYPES);
