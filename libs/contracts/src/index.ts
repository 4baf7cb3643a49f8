// The public face of @hub/contracts: event names, topics, envelopes, payloads, identifiers, departments.
import { rememberValidationMetadata } from './validation/validation-metadata-cache';

// Every check of an event or DTO in the process goes through class-validator's metadata: remembered (see there).
rememberValidationMetadata();
export { rememberValidationMetadata };

// Personal data (可用不可见): marked once in the payloads, masked and redacted from them
export {
  PERSONAL_DATA_KEYWORD,
  PersonalData,
  entitledToPersonalData,
  maskPersonalData,
  maskValue,
  personalDataPaths,
  personalValuesOf,
  redact,
  type PersonalDataKind,
  type Redaction,
} from './privacy/personal-data';

// Identifiers
export {
  USCC_ALPHABET,
  USCC_PATTERN,
  UsccRules,
  IsUscc,
  isUscc,
  makeUscc,
  parseUscc,
  usccCheckChar,
  type UsccOptions,
  type UsccParseResult,
} from './identifiers/uscc';
export {
  LICENCE_ID_PATTERN,
  LICENCE_ID_PREFIX,
  LICENCE_ID_RULE,
  IsLicenceId,
  isLicenceId,
  licenceIdCheckChar,
  makeLicenceId,
  parseLicenceId,
  type LicenceIdParseResult,
  type LicenceIdParts,
  type ParsedLicenceId,
} from './identifiers/licence-id';

export { stableId } from './identifiers/stable-id';

// Departments
export {
  COORDINATORS,
  DEPARTMENTS,
  DEPARTMENT_CODE_RULE,
  DEPARTMENT_KINDS,
  IsDepartmentCode,
  departmentByCode,
  isCoordinator,
  isDepartmentCode,
  parseDepartments,
  type Department,
  type DepartmentKind,
} from './departments/departments';

// Validation helpers
export {
  flattenValidationErrors,
  formatFieldErrors,
  prefixFieldErrors,
  type FieldError,
  type FormatFieldErrorsOptions,
} from './validation/field-error';
export {
  FormatRules,
  IsAbsoluteUri,
  IsCalendarDate,
  IsCloudEventsString,
  IsMediaType,
  IsRfc3339,
  IsTraceparent,
  IsUriReference,
} from './validation/format.decorators';
export {
  isAbsoluteUri,
  isCalendarDate,
  hasLoneSurrogate,
  isCloudEventsString,
  isJsonMediaType,
  isMediaType,
  isRfc3339Timestamp,
  isTraceparent,
  isUriReference,
} from './validation/formats';
export { EventLimits, LimitRules, type EventLimitsView } from './validation/limits';

// CloudEvents
export {
  BATCH_CONTENT_TYPE,
  CLOUDEVENTS_SPEC_VERSION,
  CORE_ATTRIBUTES,
  CloudEventMediaTypes,
  HUB_EXTENSIONS,
  STRUCTURED_CONTENT_TYPE,
  type AttributeValue,
  type CloudEvent,
} from './cloudevents/cloud-event';
export { CloudEventEnvelope, EnvelopeRules, validateEnvelope } from './cloudevents/cloud-event.envelope';
export {
  CodecRules,
  encodeStructured,
  fromJsonFormat,
  toJsonFormat,
  type CloudEventDecodeResult,
} from './cloudevents/json-format.codec';
export { deadLetterIdentity, parsedJson } from './cloudevents/dead-letter-identity';
export {
  KAFKA_HEADER_PREFIX,
  KafkaCodecRules,
  fromKafkaMessage,
  peekEventIdentity,
  peekEventType,
  toKafkaMessage,
  type ContentMode,
  type KafkaHeaderValue,
  type KafkaMessageIn,
  type KafkaMessageOut,
} from './cloudevents/kafka.codec';
export {
  HTTP_HEADER_PREFIX,
  HttpCodecRules,
  fromHttpRequest,
  percentDecode,
  percentEncode,
  toHttpBatchRequest,
  toHttpRequest,
  type HttpContentMode,
  type HttpDecodeResult,
  type HttpHeaders,
  type HttpRequestOut,
} from './cloudevents/http.codec';

// Event types, topics, registry
export {
  EVENT_TYPE_PATTERN,
  TOPIC_PATTERN,
  parseEventTypeName,
  parseTopicName,
  type EventTypeName,
  type TopicName,
} from './registry/naming';
export {
  DEAD_LETTER_TOPIC_PATTERN,
  DeadLetterHeaders,
  EGRESS_TOPIC_PATTERN,
  INGRESS_TOPIC_PATTERN,
  Topics,
  deadLetterTopic,
  departmentOfIngressTopic,
  egressTopic,
  ingressTopic,
  isDeadLetterTopic,
  isTopic,
  type DeadLetterHeader,
  type DeadLetterTopic,
  type EgressTopic,
  type IngressTopic,
  type Topic,
} from './registry/topics';
export {
  APP_NAMES,
  EACH_DEPARTMENT,
  EXAMPLE_DEPARTMENT,
  exampleDepartmentOf,
  isAppName,
  isEventOwner,
  mayPublish,
  type AppName,
} from './registry/owners';
export {
  APP_CONSUMES,
  EVERY_CANONICAL_TOPIC,
  EVERY_DEAD_LETTER_TOPIC,
  EVERY_INGRESS_TOPIC,
  LEDGER_GROUP,
  departmentRole,
  kafkaGrants,
  kafkaRoles,
  topicsUsedBy,
  type ConsumedTopics,
  type KafkaGrant,
  type KafkaOperation,
} from './registry/kafka-access';
export {
  defineEventType,
  eventKeyOf,
  recipientOf,
  type EventTypeDefinition,
  type EventTypeSpec,
  type PayloadClass,
  type StringKeys,
} from './registry/event-type.definition';
export {
  EventTypeRegistry,
  RegistryRules,
  type EventValidationResult,
  type ValidateOptions,
} from './registry/event-type.registry';
export type { JsonSchema } from './registry/json-schema';
export { createEvent, type EventAttributes } from './registry/create-event';
export { exampleEvent } from './registry/example-event';
export { asyncApiDocument } from './registry/asyncapi-document';

// The event types
export { EVENT_TYPES, eventTypeRegistry } from './events/event-types';
export { EnterpriseRegisteredV1 } from './events/approval/enterprise-registered-v1/enterprise-registered-v1.event';
export { EnterpriseRegisteredV1Payload } from './events/approval/enterprise-registered-v1/enterprise-registered-v1.payload';
export { EnterpriseDeregisteredV1 } from './events/approval/enterprise-deregistered-v1/enterprise-deregistered-v1.event';
export { EnterpriseDeregisteredV1Payload } from './events/approval/enterprise-deregistered-v1/enterprise-deregistered-v1.payload';

// 审管衔接 (approval–supervision linkage)
export {
  LICENCE_DECISIONS,
  LINKAGE_ID,
  MATTER_CODE,
  LicenceDecisionBase,
  type LicenceDecision,
} from './events/approval/licence-decision.base';
export {
  NOTIFIED_ROLES,
  TIME_LIMITS,
  DeadlineNoticeV1Payload,
  NotifiedParty,
  type NotifiedRole,
  type TimeLimit,
} from './events/supervision/deadline-notice-v1.payload';
export { PushActivityBase } from './events/supervision/push-activity.base';
export { LicenceGrantedV1 } from './events/approval/licence-granted-v1/licence-granted-v1.event';
export { Commitment, LicenceGrantedV1Payload } from './events/approval/licence-granted-v1/licence-granted-v1.payload';
export { LicenceChangedV1 } from './events/approval/licence-changed-v1/licence-changed-v1.event';
export { LicenceChangedV1Payload } from './events/approval/licence-changed-v1/licence-changed-v1.payload';
export { LicenceRenewedV1 } from './events/approval/licence-renewed-v1/licence-renewed-v1.event';
export { LicenceRenewedV1Payload } from './events/approval/licence-renewed-v1/licence-renewed-v1.payload';
export { LicenceRevokedV1 } from './events/approval/licence-revoked-v1/licence-revoked-v1.event';
export { LicenceRevokedV1Payload } from './events/approval/licence-revoked-v1/licence-revoked-v1.payload';
export { LicenceCancelledV1 } from './events/approval/licence-cancelled-v1/licence-cancelled-v1.event';
export { LicenceCancelledV1Payload } from './events/approval/licence-cancelled-v1/licence-cancelled-v1.payload';
export { LicencePushedV1 } from './events/approval/licence-pushed-v1/licence-pushed-v1.event';
export {
  REFORM_MODES,
  type ReformMode,
  LicencePushedV1Payload,
} from './events/approval/licence-pushed-v1/licence-pushed-v1.payload';
export { LicenceUnassignedV1 } from './events/approval/licence-unassigned-v1/licence-unassigned-v1.event';
export { LicenceUnassignedV1Payload } from './events/approval/licence-unassigned-v1/licence-unassigned-v1.payload';
export { LicencePushRemindedV1 } from './events/approval/licence-push-reminded-v1/licence-push-reminded-v1.event';
export { LicencePushOverdueV1 } from './events/approval/licence-push-overdue-v1/licence-push-overdue-v1.event';
export { LicencePushEscalatedV1 } from './events/approval/licence-push-escalated-v1/licence-push-escalated-v1.event';
export { PushClaimRequestedV1 } from './events/supervision/push-claim-requested-v1/push-claim-requested-v1.event';
export { PushClaimRequestedV1Payload } from './events/supervision/push-claim-requested-v1/push-claim-requested-v1.payload';
export { PushClaimRefusedV1 } from './events/supervision/push-claim-refused-v1/push-claim-refused-v1.event';
export { PushClaimRefusedV1Payload } from './events/supervision/push-claim-refused-v1/push-claim-refused-v1.payload';
export { PushClaimedV1 } from './events/supervision/push-claimed-v1/push-claimed-v1.event';
export {
  CLAIM_CHANNELS,
  type ClaimChannel,
  PushClaimedV1Payload,
} from './events/supervision/push-claimed-v1/push-claimed-v1.payload';
export { PushReturnedV1 } from './events/supervision/push-returned-v1/push-returned-v1.event';
export { PushReturnedV1Payload } from './events/supervision/push-returned-v1/push-returned-v1.payload';
export { PushSupervisedV1 } from './events/supervision/push-supervised-v1/push-supervised-v1.event';
export {
  SUPERVISION_ACTIONS,
  SUPERVISION_RESULTS,
  type SupervisionAction,
  type SupervisionResult,
  PushSupervisedV1Payload,
} from './events/supervision/push-supervised-v1/push-supervised-v1.payload';
export { PushFedBackV1 } from './events/supervision/push-fed-back-v1/push-fed-back-v1.event';
export {
  FEEDBACK_EFFECTS,
  type FeedbackEffect,
  PushFedBackV1Payload,
} from './events/supervision/push-fed-back-v1/push-fed-back-v1.payload';
export { PushRevocationRequestedV1 } from './events/supervision/push-revocation-requested-v1/push-revocation-requested-v1.event';
export { PushRevocationRequestedV1Payload } from './events/supervision/push-revocation-requested-v1/push-revocation-requested-v1.payload';
export { PushRemindedV1 } from './events/supervision/push-reminded-v1/push-reminded-v1.event';
export { PushOverdueV1 } from './events/supervision/push-overdue-v1/push-overdue-v1.event';
export { PushEscalatedV1 } from './events/supervision/push-escalated-v1/push-escalated-v1.event';

// What became of a department's events
export { DeadLetterRecordedV1 } from './events/console/dead-letter-recorded-v1/dead-letter-recorded-v1.event';
export { LedgerCheckpointedV1 } from './events/console/ledger-checkpointed-v1/ledger-checkpointed-v1.event';
export { LedgerCheckpointedV1Payload } from './events/console/ledger-checkpointed-v1/ledger-checkpointed-v1.payload';
export {
  DEAD_LETTER_NOTICE_REASON_LENGTH,
  DeadLetterRecordedV1Payload,
} from './events/console/dead-letter-recorded-v1/dead-letter-recorded-v1.payload';

// 双随机、一公开 (inspection)
export {
  INSPECTION_ID,
  PlanEventBase,
  RESULT_CATEGORIES,
  RESULT_CATEGORY_LABELS,
  RISK_CLASSES,
  TargetEventBase,
  type ResultCategory,
  type RiskClass,
} from './events/inspection/inspection.base';
export { TaskEventBase } from './events/inspection/task.base';
export { RiskClassGradedV1 } from './events/inspection/risk-class-graded-v1/risk-class-graded-v1.event';
export { RiskClassGradedV1Payload } from './events/inspection/risk-class-graded-v1/risk-class-graded-v1.payload';
export { PlanLockedV1 } from './events/inspection/plan-locked-v1/plan-locked-v1.event';
export { PlanLockedV1Payload } from './events/inspection/plan-locked-v1/plan-locked-v1.payload';
export { PlanDrawnV1 } from './events/inspection/plan-drawn-v1/plan-drawn-v1.event';
export { PlanDrawnV1Payload } from './events/inspection/plan-drawn-v1/plan-drawn-v1.payload';
export { PlanDrawVoidedV1 } from './events/inspection/plan-draw-voided-v1/plan-draw-voided-v1.event';
export { PlanDrawVoidedV1Payload } from './events/inspection/plan-draw-voided-v1/plan-draw-voided-v1.payload';
export { TaskAssignedV1 } from './events/inspection/task-assigned-v1/task-assigned-v1.event';
export {
  TaskAssignedV1Payload,
  TaskInspector,
  TaskItem,
} from './events/inspection/task-assigned-v1/task-assigned-v1.payload';
export { TaskCancelledV1 } from './events/inspection/task-cancelled-v1/task-cancelled-v1.event';
export { TaskCancelledV1Payload } from './events/inspection/task-cancelled-v1/task-cancelled-v1.payload';
export { TaskPublicationOverdueV1 } from './events/inspection/task-publication-overdue-v1/task-publication-overdue-v1.event';
export { TaskPublicationOverdueV1Payload } from './events/inspection/task-publication-overdue-v1/task-publication-overdue-v1.payload';
export { ResultReportedV1 } from './events/inspection/result-reported-v1/result-reported-v1.event';
export { ResultReportedV1Payload } from './events/inspection/result-reported-v1/result-reported-v1.payload';
export { TargetFrequencyExceededV1 } from './events/inspection/target-frequency-exceeded-v1/target-frequency-exceeded-v1.event';
export { TargetFrequencyExceededV1Payload } from './events/inspection/target-frequency-exceeded-v1/target-frequency-exceeded-v1.payload';
// 电子证照 / 电子印章
export { IsPersonId, PERSON_ID_RULE, isPersonId } from './events/registry/person-id';
export {
  DEFAULT_SM2_SIGNER_ID,
  HOLDER_KINDS,
  LICENCE_FILE_CHUNK,
  LICENCE_FILE_MAX_BYTES,
  LICENCE_ID_SHAPE,
  LicenceFile,
  LicenceRecordBase,
  LicenceRefBase,
  LicenceStatusBase,
  licenceFileBytes,
  licenceFileContent,
  type HolderKind,
} from './events/registry/licence-record.base';
export {
  SEAL_CODE,
  SEAL_HOLDER_KINDS,
  SEAL_TYPES,
  SEAL_TYPE_NAMES,
  SealCertificate,
  SealRecordBase,
  SealRefBase,
  type SealHolderKind,
  type SealType,
} from './events/registry/seal.base';
export {
  AUTHENTICITY_CHECKS,
  GAP_KINDS,
  GapBase,
  type AuthenticityCheck,
  type GapKind,
} from './events/registry/gap.base';
export { EXAMPLE_ISSUER_KEY } from './events/registry/registry-examples';
export { ELicenceIssuedV1 } from './events/registry/licence-issued-v1/licence-issued-v1.event';
export { ELicenceChangedV1 } from './events/registry/licence-changed-v1/licence-changed-v1.event';
export { ELicenceRenewedV1 } from './events/registry/licence-renewed-v1/licence-renewed-v1.event';
export { ELicenceSuspendedV1 } from './events/registry/licence-suspended-v1/licence-suspended-v1.event';
export { ELicenceExpiredV1 } from './events/registry/licence-expired-v1/licence-expired-v1.event';
export { ELicenceRevokedV1 } from './events/registry/licence-revoked-v1/licence-revoked-v1.event';
export { ELicenceCancelledV1 } from './events/registry/licence-cancelled-v1/licence-cancelled-v1.event';
export { SealMadeV1 } from './events/registry/seal-made-v1/seal-made-v1.event';
export { SealChangedV1 } from './events/registry/seal-changed-v1/seal-changed-v1.event';
export { SealFiledV1 } from './events/registry/seal-filed-v1/seal-filed-v1.event';
export { SealFiledV1Payload } from './events/registry/seal-filed-v1/seal-filed-v1.payload';
export { SealCancelledV1 } from './events/registry/seal-cancelled-v1/seal-cancelled-v1.event';
export { SealCancelledV1Payload } from './events/registry/seal-cancelled-v1/seal-cancelled-v1.payload';
export { GapOpenedV1 } from './events/registry/gap-opened-v1/gap-opened-v1.event';
export { GapClosedV1 } from './events/registry/gap-closed-v1/gap-closed-v1.event';
export { GapClosedV1Payload } from './events/registry/gap-closed-v1/gap-closed-v1.payload';
