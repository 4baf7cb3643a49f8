import { Injectable } from '@nestjs/common';
import {
  CloudEvent,
  EventTypeDefinition,
  EventLimits,
  EventLimitsView,
  EventTypeRegistry,
  JsonSchema,
  departmentByCode,
  eventTypeRegistry,
  exampleEvent,
} from '@hub/contracts';

/** What the catalogue tells a department system about one event type. */
export interface EventTypeView {
  type: string;
  version: number;
  /** The department code or app allowed to publish it. */
  owner: string;
  /** The owning department's name, when the owner is a department. */
  ownerName?: string;
  /** The canonical Kafka topic the hub publishes it on. */
  topic: string;
  /** The payload property that is the event's `subject` and Kafka key. */
  key: string;
  /**
   * For a type that concerns one department alone (the notices of its own dead letters): the payload property naming
   * it. A department subscribes to it with no entitlement and receives the events naming it, never another's.
   */
  recipient?: string;
  summary: string;
  /** JSON Schema (draft-07) of `data`. */
  schema: JsonSchema;
  /** A whole CloudEvent of this type, as a department system would publish it. */
  example: CloudEvent;
  /** The maximums every event is held to, beyond its schema (answered 400 with the field and rule). */
  limits: EventLimitsView;
}

/** The event catalogue, read from the contracts library: the one place every type is declared. */
@Injectable()
export class CatalogueService {
  private readonly views: ReadonlyMap<string, EventTypeView>;

  constructor(registry: EventTypeRegistry = eventTypeRegistry) {
    const sorted = [...registry.all()].sort((a, b) => a.type.localeCompare(b.type));
    this.views = new Map(sorted.map((definition) => [definition.type, toView(registry, definition)]));
  }

  list(filter: { owner?: string; topic?: string } = {}): EventTypeView[] {
    return [...this.views.values()].filter(
      (view) =>
        (filter.owner === undefined || view.owner === filter.owner) &&
        (filter.topic === undefined || view.topic === filter.topic),
    );
  }

  get(type: string): EventTypeView | undefined {
    return this.views.get(type);
  }
}

/** A type's example as its owner's own system would send it (an `each-department` type: the example department's). */
function toView(registry: EventTypeRegistry, definition: EventTypeDefinition): EventTypeView {
  const department = departmentByCode(definition.owner);
  const schema = registry.jsonSchema(definition.type);
  if (!schema) throw new Error(`no JSON Schema for ${definition.type}`);
  return {
    type: definition.type,
    version: definition.version,
    owner: definition.owner,
    ...(department ? { ownerName: department.name } : {}),
    topic: definition.topic,
    key: definition.key,
    ...(definition.recipient === undefined ? {} : { recipient: definition.recipient }),
    summary: definition.summary,
    schema,
    example: exampleEvent(definition),
    limits: EventLimits,
  };
}
