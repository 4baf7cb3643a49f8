import { CloudEvent, EventTypeRegistry, eventTypeRegistry, recipientOf } from '@hub/contracts';

/** The types whose contracts name a `recipient`: each department receives its own, with no entitlement. */
export const ADDRESSED_TYPES: ReadonlySet<string> = new Set(
  eventTypeRegistry
    .all()
    .filter((d) => d.recipient !== undefined)
    .map((d) => d.type),
);

/**
 * Whether a subscription of `department` receives the event. An event of an addressed type (a department's notice of
 * its own dead letters) goes to the department it names and to no other, entitled or not; an event that names none
 * goes to nobody. Any other event goes to the departments entitled to its type.
 */
export function mayReceive(
  department: string,
  event: CloudEvent,
  entitled: boolean,
  registry: EventTypeRegistry = eventTypeRegistry,
): boolean {
  const definition = registry.get(event.type);
  if (definition?.recipient === undefined) return entitled;
  return recipientOf(definition, event.data) === department;
}
