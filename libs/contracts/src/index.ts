// The public face of @hub/contracts: event names, topics, envelopes, payloads, identifiers, departments.

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

// Departments
export {
  DEPARTMENTS,
  DEPARTMENT_CODE_RULE,
  DEPARTMENT_KINDS,
  IsDepartmentCode,
  departmentByCode,
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
  isCloudEventsString,
  isJsonMediaType,
  isMediaType,
  isRfc3339Timestamp,
  isTraceparent,
  isUriReference,
} from './validation/formats';

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
export {
  KAFKA_HEADER_PREFIX,
  KafkaCodecRules,
  fromKafkaMessage,
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
export { APP_NAMES, isAppName, isEventOwner, type AppName } from './registry/owners';
export {
  defineEventType,
  eventKeyOf,
  type EventTypeDefinition,
  type EventTypeSpec,
  type PayloadClass,
  type StringKeys,
} from './registry/event-type.definition';
export { EventTypeRegistry, RegistryRules, type EventValidationResult } from './registry/event-type.registry';
export type { JsonSchema } from './registry/json-schema';
export { createEvent, type EventAttributes } from './registry/create-event';

// The event types
export { EVENT_TYPES, eventTypeRegistry } from './events/event-types';
export { EnterpriseRegisteredV1 } from './events/approval/enterprise-registered-v1/enterprise-registered-v1.event';
export { EnterpriseRegisteredV1Payload } from './events/approval/enterprise-registered-v1/enterprise-registered-v1.payload';
export { EnterpriseDeregisteredV1 } from './events/approval/enterprise-deregistered-v1/enterprise-deregistered-v1.event';
export { EnterpriseDeregisteredV1Payload } from './events/approval/enterprise-deregistered-v1/enterprise-deregistered-v1.payload';
