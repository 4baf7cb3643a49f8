import {
  DEAD_LETTER_NOTICE_REASON_LENGTH,
  DeadLetterRecordedV1Payload,
  EGRESS_TOPIC_PATTERN,
  EventLimits,
  INGRESS_TOPIC_PATTERN,
  deadLetterIdentity,
  hasLoneSurrogate,
  isDepartmentCode,
} from '@hub/contracts';
import { RawKafkaMessage, cutText } from '@hub/messaging';
import { NewDeadLetter } from './dead-letters.repository';

/** The console's `source`, as the events it writes carry it. */
export const CONSOLE_SOURCE = '/apps/console';

const DEPARTMENT_SOURCE = /^\/departments\/([A-Z]+)\//;

/**
 * The department that published the event a consumer gave up on, if a department did:
 * - on a department's ingress topic, that department: it alone writes there (the broker's ACLs), whatever `source`
 *   it claimed (a claim that may be why the gateway refused the event);
 * - on a canonical topic, the department of its `source`, `/departments/<CODE>/…`: the gateway relays an event only
 *   from the department its source names; the apps' own events come from `/apps/<name>` and have no publisher to tell;
 * - on an egress topic, none: that copy was the subscriber's, and telling the publisher would tell who subscribes.
 */
export function publisherOf(originalTopic: string, source: string | undefined): string | undefined {
  const ingress = INGRESS_TOPIC_PATTERN.exec(originalTopic);
  const code = ingress
    ? ingress[1]?.toUpperCase()
    : EGRESS_TOPIC_PATTERN.test(originalTopic) || source === undefined
      ? undefined
      : DEPARTMENT_SOURCE.exec(source)?.[1];
  return isDepartmentCode(code) ? code : undefined;
}

/**
 * The notice to the publishing department of a dead letter just stored (`id`), or undefined when no department
 * published its event. What of the dead event cannot go into a valid event (an id too long, a NUL) is left out.
 */
export function deadLetterNotice(
  id: string,
  row: NewDeadLetter,
  message: RawKafkaMessage,
): DeadLetterRecordedV1Payload | undefined {
  const identity = deadLetterIdentity(row.headers, message.value);
  const department = publisherOf(row.originalTopic, identity?.source);
  if (department === undefined) return undefined;
  const stamped = Number(message.meta.timestamp);
  return {
    deadLetterId: id,
    department,
    ...optional('eventId', identity?.id, EventLimits.identifierLength),
    ...optional('eventSource', identity?.source, EventLimits.source),
    ...optional('eventType', identity?.type, EventLimits.type),
    consumer: cutText(row.consumer, 500) || 'unknown',
    reason: cutText(row.reason, DEAD_LETTER_NOTICE_REASON_LENGTH) || 'no reason given',
    attempts: row.attempts,
    originalTopic: row.originalTopic,
    originalPartition: row.originalPartition,
    originalOffset: row.originalOffset,
    deadLetteredAt: (Number.isFinite(stamped) ? new Date(stamped) : new Date()).toISOString(),
  };
}

function optional<K extends string>(name: K, value: string | undefined, max: number): { [P in K]?: string } {
  const valid = value !== undefined && value.length >= 1 && value.length <= max;
  return valid && !value.includes('\u0000') && !hasLoneSurrogate(value)
    ? ({ [name]: value } as { [P in K]: string })
    : {};
}
