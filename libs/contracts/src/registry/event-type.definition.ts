import { isDepartmentCode } from '../departments/departments';
import { isEventOwner } from './owners';
import { parseEventTypeName, parseTopicName, type EventTypeName } from './naming';
import { isTopic, type Topic } from './topics';

/** A payload class: class-validator decorators on its properties, a no-argument constructor. */
export type PayloadClass<T extends object> = new () => T;

/** The names of T's string-valued properties. */
export type StringKeys<T> = { [K in keyof T]-?: T[K] extends string ? K : never }[keyof T] & string;

export interface EventTypeSpec<T extends object> {
  /** `zone.<domain>.<aggregate>.<verb>.v<N>`. */
  readonly type: string;
  /** The `N` of `.v<N>`; a breaking change is a new type with a new version, published beside the old. */
  readonly version: number;
  /** The department code (`SPJ`) or app name (`supervision`) allowed to emit it. */
  readonly owner: string;
  readonly topic: Topic;
  readonly payload: PayloadClass<T>;
  /**
   * The payload property that is the event's `subject` and Kafka key (`partitionkey`): `uscc` for an
   * enterprise event, so that one enterprise's events stay in order on one partition.
   */
  readonly key: StringKeys<T>;
  /**
   * For a type that concerns one department alone (its own dead letters): the payload property naming it. Every
   * department receives the events that name it, without an entitlement, and never one that names another.
   */
  readonly recipient?: StringKeys<T>;
  readonly summary: string;
  /** A payload that validates (tested); it also goes into the JSON Schema and AsyncAPI examples. */
  readonly example: T;
}

export interface EventTypeDefinition<T extends object = object> {
  readonly type: string;
  readonly version: number;
  readonly owner: string;
  readonly topic: Topic;
  readonly payload: PayloadClass<T>;
  readonly key: string;
  readonly recipient?: string;
  readonly summary: string;
  readonly example: T;
  /** The type's parts: domain, aggregate, verb, version. */
  readonly name: EventTypeName;
}

/** Declares an event type once; throws naming every rule the declaration breaks. */
export function defineEventType<T extends object>(spec: EventTypeSpec<T>): EventTypeDefinition<T> {
  const problems: string[] = [];
  const name = parseEventTypeName(spec.type);
  const topic = parseTopicName(spec.topic);
  if (!name) problems.push(`type must be zone.<domain>.<aggregate>.<verb>.v<N>`);
  else if (name.version !== spec.version)
    problems.push(`version ${spec.version} differs from the type's .v${name.version}`);
  if (!isTopic(spec.topic) || !topic) problems.push(`topic ${spec.topic} is not in Topics`);
  else if (name && (name.domain !== topic.domain || name.aggregate !== topic.aggregate)) {
    problems.push(`topic ${spec.topic} is not zone.${name.domain}.${name.aggregate}.v<N>`);
  }
  if (!isEventOwner(spec.owner)) problems.push(`owner ${spec.owner} is neither a department code nor an app name`);
  if (typeof spec.payload !== 'function') problems.push('payload must be a class');
  if (spec.summary.trim() === '') problems.push('summary must not be empty');
  if (typeof (spec.example as Record<string, unknown>)[spec.key] !== 'string') {
    problems.push(`example.${spec.key} must be a string: it is the event's subject and key`);
  }
  if (spec.recipient !== undefined && !isDepartmentCode((spec.example as Record<string, unknown>)[spec.recipient])) {
    problems.push(`example.${spec.recipient} must be a department code: it names the event's recipient`);
  }
  if (problems.length > 0 || !name) throw new Error(`defineEventType(${spec.type}): ${problems.join('; ')}`);
  return Object.freeze({ ...spec, name });
}

/**
 * The one department an event of a type with a `recipient` is for; undefined for an ordinary type (entitlements say
 * who receives it) and also for an event that names no department, which then goes to nobody.
 */
export function recipientOf(definition: EventTypeDefinition, data: unknown): string | undefined {
  if (definition.recipient === undefined || typeof data !== 'object' || data === null) return undefined;
  if (!Object.prototype.hasOwnProperty.call(data, definition.recipient)) return undefined;
  const value = (data as Record<string, unknown>)[definition.recipient];
  return isDepartmentCode(value) ? value : undefined;
}

/** The value of the definition's key property in `data`, if it is a string. */
export function eventKeyOf(definition: EventTypeDefinition, data: unknown): string | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  if (!Object.prototype.hasOwnProperty.call(data, definition.key)) return undefined;
  const value = (data as Record<string, unknown>)[definition.key];
  return typeof value === 'string' ? value : undefined;
}
