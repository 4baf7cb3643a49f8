import { isDepartmentCode } from '../departments/departments';

// Do not rename a topic without a migration plan: consumer groups, committed offsets, ACLs and the events
// retained on the old name all stay behind. A breaking change gets a new `.v<N>` topic beside the old one.
/** Every topic the hub's apps own, `zone.<domain>.<aggregate>.v<N>`. */
export const Topics = {
  ApprovalEnterpriseV1: 'zone.approval.enterprise.v1',
  /** 审批局's licence decisions and the approval app's pushes, keyed by uscc: one enterprise's linkage stays in order. */
  ApprovalLicenceV1: 'zone.approval.licence.v1',
  /** The supervision app's claims, returns, supervision, feedback, revocation requests and deadline notices. */
  SupervisionPushV1: 'zone.supervision.push.v1',
  /** The console's notices of the dead letters it stores, keyed by the letter's id; each for one department. */
  ConsoleDeadLetterV1: 'zone.console.dead-letter.v1',
  /** 市场监管分局's credit-risk grading of enterprises, keyed by uscc. */
  InspectionRiskClassV1: 'zone.inspection.risk-class.v1',
  /** The inspection app's plan locks (commitments), draws and voided draws, keyed by the plan's id. */
  InspectionPlanV1: 'zone.inspection.plan.v1',
  /** Inspection tasks and their notices, keyed by uscc; each for the one department it names. */
  InspectionTaskV1: 'zone.inspection.task.v1',
  /** The departments' inspection results, keyed by uscc. */
  InspectionResultV1: 'zone.inspection.result.v1',
  /** Alerts about one enterprise (inspected too often), keyed by uscc. */
  InspectionTargetV1: 'zone.inspection.target.v1',
  /** Issuing departments' e-licences (电子证照) and their lifecycle, keyed by the 证照标识: one licence stays in order. */
  RegistryLicenceV1: 'zone.registry.e-licence.v1',
  /** E-seals (电子印章): making, filing, change, cancellation, keyed by the holder's uscc. */
  RegistrySealV1: 'zone.registry.seal.v1',
  /** The registry's gaps in coverage, lag, authenticity and seals, opened and closed, keyed by the gap's id. */
  RegistryGapV1: 'zone.registry.gap.v1',
  /** The event ledger's signed checkpoints, keyed by the signing key's id: one key's checkpoints stay in order. */
  ConsoleLedgerV1: 'zone.console.ledger.v1',
} as const;

export type Topic = (typeof Topics)[keyof typeof Topics];
export type IngressTopic = `zone.ingress.${string}.v1`;
export type EgressTopic = `zone.egress.${string}.v1`;
export type DeadLetterTopic = `${string}.dlq`;

const TOPICS: ReadonlySet<string> = new Set(Object.values(Topics));
const DLQ_SUFFIX = '.dlq';
// Kafka's own limits on a topic name.
const KAFKA_TOPIC_NAME = /^[A-Za-z0-9._-]{1,249}$/;

// The subscription patterns are not anchored at the start: deployments and tests may put a prefix before
// every topic name (e.g. `t42-zone.ingress.spj.v1`).
/** Every department ingress topic. */
export const INGRESS_TOPIC_PATTERN = /zone\.ingress\.([a-z]+)\.v1$/;
/** Every department egress topic. */
export const EGRESS_TOPIC_PATTERN = /zone\.egress\.([a-z]+)\.v1$/;
/** Every dead-letter topic of a hub topic. */
export const DEAD_LETTER_TOPIC_PATTERN = /zone\.[a-z0-9-]+\.[a-z0-9-]+\.v[1-9][0-9]*\.dlq$/;

export function isTopic(value: unknown): value is Topic {
  return typeof value === 'string' && TOPICS.has(value);
}

/** Where a department system publishes over the Kafka binding before the hub validates and routes. */
export function ingressTopic(departmentCode: string): IngressTopic {
  if (!isDepartmentCode(departmentCode))
    throw new RangeError(`ingressTopic: unknown department code "${departmentCode}"`);
  return `zone.ingress.${departmentCode.toLowerCase()}.v1`;
}

/** The department whose ingress topic this is (a topic prefix is allowed); throws for any other topic. */
export function departmentOfIngressTopic(topic: string): string {
  const code = INGRESS_TOPIC_PATTERN.exec(topic)?.[1]?.toUpperCase();
  if (!isDepartmentCode(code)) throw new RangeError(`${topic} is not the ingress topic of a known department`);
  return code;
}

/**
 * Where the hub forwards the events a department subscribed to by Kafka (CloudEvents Kafka binding, each event's
 * key kept), for the department's own consumers to read.
 */
export function egressTopic(departmentCode: string): EgressTopic {
  if (!isDepartmentCode(departmentCode))
    throw new RangeError(`egressTopic: unknown department code "${departmentCode}"`);
  return `zone.egress.${departmentCode.toLowerCase()}.v1`;
}

/** Every consuming topic has one dead-letter topic: `<topic>.dlq` (prefixed names keep their prefix). */
export function deadLetterTopic(topic: string): DeadLetterTopic {
  const dlq = `${topic}${DLQ_SUFFIX}`;
  if (isDeadLetterTopic(topic)) throw new RangeError(`deadLetterTopic: ${topic} is already a dead-letter topic`);
  if (!KAFKA_TOPIC_NAME.test(topic) || !KAFKA_TOPIC_NAME.test(dlq)) {
    throw new RangeError(`deadLetterTopic: "${dlq}" is not a legal Kafka topic name`);
  }
  return dlq as DeadLetterTopic;
}

export function isDeadLetterTopic(topic: string): topic is DeadLetterTopic {
  return topic.endsWith(DLQ_SUFFIX);
}

/** Headers a dead letter carries beside the original message's own headers. */
export const DeadLetterHeaders = {
  /** One line, from formatFieldErrors or the handler's error. */
  reason: 'hub-dlq-reason',
  /** The FieldError list as JSON, when the message broke its contract. */
  errors: 'hub-dlq-errors',
  originalTopic: 'hub-dlq-original-topic',
  originalPartition: 'hub-dlq-original-partition',
  originalOffset: 'hub-dlq-original-offset',
  /** The consumer group that gave up. */
  consumer: 'hub-dlq-consumer',
  /** How many times it was tried. */
  attempts: 'hub-dlq-attempts',
  /** The original record's Kafka timestamp (ms since the epoch): how long ago it was first applied, at the latest. */
  originalTimestamp: 'hub-dlq-original-timestamp',
  /**
   * Present when the dead letter is not the whole original (it would not fit the broker's limit with these headers):
   * JSON of what was cut, e.g. `{"valueBytes":1048000,"keptValueBytes":1030000,"droppedHeaders":["ce_x"]}`. Such a
   * letter is for reading, not replaying.
   */
  truncated: 'hub-dlq-truncated',
} as const;

export type DeadLetterHeader = (typeof DeadLetterHeaders)[keyof typeof DeadLetterHeaders];
