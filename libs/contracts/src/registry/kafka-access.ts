import { DEPARTMENTS, isDepartmentCode } from '../departments/departments';
import { eventTypeRegistry } from '../events/event-types';
import type { EventTypeRegistry } from './event-type.registry';
import { APP_NAMES, type AppName } from './owners';
import { Topics, deadLetterTopic, egressTopic, ingressTopic, isDeadLetterTopic, type Topic } from './topics';

/** Every department's ingress topic, as one entry of {@link APP_CONSUMES}. */
export const EVERY_INGRESS_TOPIC = 'every-ingress-topic';
/** Every dead-letter topic, as one entry of {@link APP_CONSUMES}. */
export const EVERY_DEAD_LETTER_TOPIC = 'every-dead-letter-topic';
/** Every canonical topic (of every declared event type) but the ledger's own, as one entry of {@link APP_CONSUMES}. */
export const EVERY_CANONICAL_TOPIC = 'every-canonical-topic';
export type ConsumedTopics =
  Topic | typeof EVERY_INGRESS_TOPIC | typeof EVERY_DEAD_LETTER_TOPIC | typeof EVERY_CANONICAL_TOPIC;
/** The console's event ledger reads with a consumer group of its own (its offsets are the ledger's progress). */
export const LEDGER_GROUP = 'console.ledger';

// The broker refuses an app a topic that is not here: a new handler on another topic needs its line here too
// (tools/kafka-acls.spec.ts holds every app's handlers to this list).
/** The topics each app consumes. What it writes follows from the owners of the event types (and its dead letters). */
export const APP_CONSUMES: Readonly<Record<AppName, readonly ConsumedTopics[]>> = {
  // Validates and routes what departments publish on Kafka; delivers every canonical topic to the subscribers.
  // The gateway reads the dead-letter topics too: it tells a publisher which consumer dead-lettered its event; and
  // the console's notices of them, to deliver each to the department that published the event.
  gateway: [
    EVERY_INGRESS_TOPIC,
    EVERY_DEAD_LETTER_TOPIC,
    Topics.ApprovalEnterpriseV1,
    Topics.ApprovalLicenceV1,
    Topics.SupervisionPushV1,
    Topics.ConsoleDeadLetterV1,
    Topics.InspectionRiskClassV1,
    Topics.InspectionPlanV1,
    Topics.InspectionTaskV1,
    Topics.InspectionResultV1,
    Topics.InspectionTargetV1,
    Topics.RegistryLicenceV1,
    Topics.RegistrySealV1,
    Topics.RegistryGapV1,
    Topics.ConsoleLedgerV1,
  ],
  approval: [Topics.ApprovalEnterpriseV1, Topics.ApprovalLicenceV1, Topics.SupervisionPushV1],
  supervision: [Topics.ApprovalEnterpriseV1, Topics.ApprovalLicenceV1, Topics.SupervisionPushV1],
  inspection: [
    Topics.ApprovalEnterpriseV1,
    Topics.ApprovalLicenceV1,
    Topics.InspectionRiskClassV1,
    Topics.InspectionResultV1,
  ],
  registry: [Topics.ApprovalEnterpriseV1, Topics.ApprovalLicenceV1, Topics.RegistryLicenceV1, Topics.RegistrySealV1],
  // The dead letters; and, for the event ledger, every event the hub accepted.
  console: [EVERY_DEAD_LETTER_TOPIC, EVERY_CANONICAL_TOPIC],
};

export type KafkaOperation = 'read' | 'write' | 'create' | 'describe';

/** One ACL: `role` may do `operation` on the topic or consumer group `name` (literal, or every name with the prefix). */
export interface KafkaGrant {
  /** An app name, or a department code in lower case. */
  readonly role: string;
  readonly resource: 'topic' | 'group';
  readonly name: string;
  readonly pattern: 'literal' | 'prefixed';
  readonly operation: KafkaOperation;
}

/** The role of a department's principal: its code in lower case (`spj`). */
export function departmentRole(code: string): string {
  if (!isDepartmentCode(code)) throw new RangeError(`departmentRole: unknown department code "${code}"`);
  return code.toLowerCase();
}

/** Every principal the hub's ACLs name, beside the administrator: the apps, then the departments. */
export function kafkaRoles(): string[] {
  return [...APP_NAMES, ...DEPARTMENTS.map((d) => departmentRole(d.code))];
}

/**
 * The whole of the hub's Kafka ACLs for one topic prefix (HubEnv.KAFKA_TOPIC_PREFIX), derived from the contracts:
 * - a department writes its own ingress topic, reads its own egress topic, and uses groups named `<code>.…`;
 * - the gateway alone writes the canonical topics of department-owned types (it relays what it validated), and the
 *   egress topics;
 * - an app writes the topics of the types it owns, reads what {@link APP_CONSUMES} says, writes the dead-letter
 *   topics of what it reads and of what it writes (its relay sets aside a row too large for the broker there), uses
 *   its own consumer group, and may create the topics it uses (each app ensures them at boot);
 * - the app that reads the dead-letter topics (the console) writes the topics they come from, to replay a letter.
 * Anything not granted is refused (the broker runs with `allow.everyone.if.no.acl.found=false`).
 */
export function kafkaGrants(topicPrefix = '', registry: EventTypeRegistry = eventTypeRegistry): KafkaGrant[] {
  const grants: KafkaGrant[] = [];
  const grant = (role: string, resource: KafkaGrant['resource'], name: string, operation: KafkaOperation) =>
    grants.push({ role, resource, name: topicPrefix + name, pattern: 'literal', operation });

  const canonical: string[] = [...new Set(registry.all().map((d) => d.topic))];
  const ingress: string[] = DEPARTMENTS.map((d) => ingressTopic(d.code));
  const egress: string[] = DEPARTMENTS.map((d) => egressTopic(d.code));
  const deadLetters: string[] = [...canonical, ...ingress, ...egress].map(deadLetterTopic);

  for (const app of APP_NAMES) {
    const reads = APP_CONSUMES[app].flatMap((entry): string[] => {
      switch (entry) {
        case EVERY_INGRESS_TOPIC:
          return ingress;
        case EVERY_DEAD_LETTER_TOPIC:
          return deadLetters;
        case EVERY_CANONICAL_TOPIC:
          return canonical.filter((t) => t !== Topics.ConsoleLedgerV1);
        default:
          return [entry];
      }
    });
    const owned = registry
      .all()
      .filter((d) => d.owner === app || (app === 'gateway' && !(APP_NAMES as readonly string[]).includes(d.owner)))
      .map((d) => d.topic);
    const produced = [
      ...owned,
      ...(app === 'gateway' ? egress : []),
      // The console replays a dead letter onto the topic it came from (the gateway only reads them).
      ...(app === 'console' ? [...canonical, ...ingress, ...egress] : []),
    ];
    // A consumer dead-letters what it refuses; the outbox relay sets aside, as a dead letter, a row too large to send.
    const writes = [
      ...produced,
      ...[...reads, ...produced].filter((t) => !deadLetters.includes(t)).map(deadLetterTopic),
    ];
    for (const topic of new Set(reads)) grant(app, 'topic', topic, 'read');
    for (const topic of new Set(writes)) grant(app, 'topic', topic, 'write');
    // An app ensures its topics and their dead-letter topics at boot.
    const used = new Set(
      [...reads, ...writes].flatMap((t) => (deadLetters.includes(t) ? [t] : [t, deadLetterTopic(t)])),
    );
    for (const topic of used) {
      grant(app, 'topic', topic, 'create');
      // Creating waits for the new topic's leaders, which takes seeing it (read and write imply that, create not).
      grant(app, 'topic', topic, 'describe');
    }
    grant(app, 'group', app, 'read');
  }
  grant('console', 'group', LEDGER_GROUP, 'read');
  // The gateway tells a publisher how far each consumer group got past its event: it describes every group of the hub.
  // The console shows every group's lag to the operators.
  for (const role of ['gateway', 'console'])
    grants.push(
      topicPrefix === ''
        ? { role, resource: 'group', name: '*', pattern: 'literal', operation: 'describe' }
        : { role, resource: 'group', name: topicPrefix, pattern: 'prefixed', operation: 'describe' },
    );

  for (const { code } of DEPARTMENTS) {
    const role = departmentRole(code);
    grant(role, 'topic', ingressTopic(code), 'write');
    grant(role, 'topic', egressTopic(code), 'read');
    grants.push({ role, resource: 'group', name: `${topicPrefix}${role}.`, pattern: 'prefixed', operation: 'read' });
  }
  return grants;
}

/** The topics, dead-letter topics aside, that an app reads or writes: those it ensures at boot. */
export function topicsUsedBy(
  app: AppName,
  topicPrefix = '',
  registry: EventTypeRegistry = eventTypeRegistry,
): string[] {
  const used = kafkaGrants(topicPrefix, registry)
    .filter((g) => g.role === app && g.resource === 'topic' && (g.operation === 'read' || g.operation === 'write'))
    .map((g) => g.name)
    .filter((topic) => !isDeadLetterTopic(topic));
  return [...new Set(used)];
}
