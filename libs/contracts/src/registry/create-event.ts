import { randomUUID } from 'node:crypto';
import { CLOUDEVENTS_SPEC_VERSION, CloudEventMediaTypes, type CloudEvent } from '../cloudevents/cloud-event';
import { eventKeyOf, type EventTypeDefinition } from './event-type.definition';

/** What the emitter chooses; the type, subject, key and content type come from the definition. */
export interface EventAttributes {
  /** URI-reference of the emitter, e.g. `/departments/SPJ/systems/approval` or `/apps/supervision`. */
  readonly source: string;
  /** Default: a random UUID. */
  readonly id?: string;
  /** Default: now. */
  readonly time?: string;
  readonly department?: string;
  readonly correlationid?: string;
  readonly causationid?: string;
  readonly traceparent?: string;
  readonly tracestate?: string;
  readonly dataschema?: string;
}

/** A CloudEvent of the given type whose `subject` and `partitionkey` are the payload's key (e.g. `uscc`). */
export function createEvent<T extends object>(
  definition: EventTypeDefinition<T>,
  data: T,
  attributes: EventAttributes,
): CloudEvent<T> {
  const key = eventKeyOf(definition, data);
  if (key === undefined)
    throw new TypeError(`createEvent(${definition.type}): data.${definition.key} must be a string`);
  const event: Record<string, unknown> = {
    specversion: CLOUDEVENTS_SPEC_VERSION,
    id: attributes.id ?? randomUUID(),
    source: attributes.source,
    type: definition.type,
    subject: key,
    time: attributes.time ?? new Date().toISOString(),
    datacontenttype: CloudEventMediaTypes.json,
    partitionkey: key,
  };
  for (const name of [
    'department',
    'correlationid',
    'causationid',
    'traceparent',
    'tracestate',
    'dataschema',
  ] as const) {
    const value = attributes[name];
    if (value !== undefined) event[name] = value;
  }
  event['data'] = data;
  return event as CloudEvent<T>;
}
