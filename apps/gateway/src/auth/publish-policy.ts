import { CloudEvent, FieldError, mayPublish } from '@hub/contracts';

export const PublishRules = {
  owner: 'owner',
  matchesDepartment: 'matchesDepartment',
  matchesSystem: 'matchesSystem',
} as const;

/**
 * Who may publish what, over signed HTTP and on a department's Kafka ingress topic alike: only event types the
 * department owns (the contracts' `owner`; every department owns an `each-department` type, for itself), from one of
 * its systems' sources (`/departments/<code>/…`), and with the `department` extension, when set, its own.
 * `department` is the caller's (its credential over HTTP, the ingress topic's on Kafka). Over HTTP the signing system
 * is known too (`system`): the source must then be that system's own, `/departments/<code>/systems/<system>` (or a
 * path below it), so that no system can publish as, pre-empt or conflict with another system's events. Every
 * violation is listed.
 */
export function publishViolations(event: CloudEvent, department: string, owner: string, system?: string): FieldError[] {
  const errors: FieldError[] = [];
  if (!mayPublish(owner, department)) {
    errors.push({
      field: 'type',
      rule: PublishRules.owner,
      message: `${event.type} is owned by ${owner}, not ${department}`,
    });
  }
  if (event.department !== undefined && event.department !== department) {
    errors.push({
      field: 'department',
      rule: PublishRules.matchesDepartment,
      message: `department must be ${department}, the publisher's own, not ${String(event.department)}`,
    });
  }
  if (!event.source.startsWith(`/departments/${department}/`)) {
    errors.push({
      field: 'source',
      rule: PublishRules.matchesDepartment,
      message: `source must start with /departments/${department}/ (e.g. /departments/${department}/systems/<system>)`,
    });
  } else if (system !== undefined && !isUnder(event.source, `/departments/${department}/systems/${system}`)) {
    errors.push({
      field: 'source',
      rule: PublishRules.matchesSystem,
      message: `source must be /departments/${department}/systems/${system}, the signing system's own (or a path below it)`,
    });
  }
  return errors;
}

function isUnder(source: string, prefix: string): boolean {
  return source === prefix || source.startsWith(`${prefix}/`);
}

/**
 * The event as the hub carries it: with the publisher's department in the `department` extension, filled in when
 * the publisher left it out (the hub knows who it is; a generic CloudEvents client need not know the extension).
 */
export function withDepartment(event: CloudEvent, department: string): CloudEvent {
  return event.department === undefined ? { ...event, department } : event;
}
