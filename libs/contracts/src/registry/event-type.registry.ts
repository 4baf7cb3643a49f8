import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import type { CloudEvent } from '../cloudevents/cloud-event';
import { isPlainObject, validateEnvelope } from '../cloudevents/cloud-event.envelope';
import { dataLimitErrors, FORBIDDEN_KEY_RULE } from '../validation/data-limits';
import { fieldError, flattenValidationErrors, type FieldError } from '../validation/field-error';
import { isJsonMediaType } from '../validation/formats';
import { payloadAcceptor } from '../validation/payload-acceptor';
import { eventKeyOf, type EventTypeDefinition } from './event-type.definition';
import { buildClassSchemas, selfContainedSchema, type JsonSchema } from './json-schema';

export interface EventValidationResult {
  readonly ok: boolean;
  readonly errors: readonly FieldError[];
  /** The event type's declaration, when `type` names a registered one. */
  readonly definition?: EventTypeDefinition;
}

export const RegistryRules = {
  registered: 'registered',
  jsonContentType: 'jsonContentType',
  dataRequired: 'isDefined',
  dataObject: 'isObject',
  forbiddenKey: FORBIDDEN_KEY_RULE,
  subject: 'subjectMatchesKey',
  partitionKey: 'partitionKeyMatchesKey',
} as const;

export interface ValidateOptions {
  readonly envelopeChecked?: boolean;
  readonly unknownProperties?: 'refuse' | 'accept';
}

/** The event types the hub knows: look-up, full validation of an event against its contract, JSON Schemas. */
export class EventTypeRegistry {
  private readonly byType = new Map<string, EventTypeDefinition>();
  private classSchemas: Readonly<Record<string, JsonSchema>> | undefined;
  private readonly schemas = new Map<string, JsonSchema>();

  constructor(definitions: Iterable<EventTypeDefinition>) {
    const payloadNames = new Map<string, EventTypeDefinition>();
    for (const definition of definitions) {
      if (this.byType.has(definition.type)) throw new Error(`event type ${definition.type} is declared twice`);
      // JSON Schemas are keyed by class name: two payload classes with one name would share a schema.
      const clash = payloadNames.get(definition.payload.name);
      if (clash && clash.payload !== definition.payload) {
        throw new Error(
          `payload class name ${definition.payload.name} is used by ${clash.type} and ${definition.type}`,
        );
      }
      payloadNames.set(definition.payload.name, definition);
      this.byType.set(definition.type, definition);
    }
  }

  get(type: string): EventTypeDefinition | undefined {
    return this.byType.get(type);
  }

  all(): readonly EventTypeDefinition[] {
    return [...this.byType.values()];
  }

  /**
   * Checks the envelope, that the type is registered, the payload against its class (unknown properties
   * refused), and that `subject` — and `partitionkey` when present — equal the payload's key property
   * (`uscc` for enterprise events). Who may emit the type (its owner) is the gateway's policy, not checked here.
   * `envelopeChecked`: the caller's decoding (e.g. {@link fromKafkaMessage}) checked the envelope already.
   * `unknownProperties: 'accept'` is the consumer's reading: a payload property its build does not know is one a
   * later build of the same version added (optional, as a new required one would be a new version), so it is passed
   * over instead of refused; the limits and every known property's rules still hold. The gateway, the publishers'
   * door, keeps the default, `'refuse'`.
   */
  validate(event: unknown, options: ValidateOptions = {}): EventValidationResult {
    const errors = options.envelopeChecked && isPlainObject(event) ? [] : validateEnvelope(event);
    if (!isPlainObject(event)) return { ok: false, errors };
    const type = event['type'];
    const definition = typeof type === 'string' ? this.byType.get(type) : undefined;
    if (!definition) {
      if (!errors.some((e) => e.field === 'type')) {
        errors.push(fieldError('type', RegistryRules.registered, `${String(type)} is not a registered event type`));
      }
      return { ok: false, errors };
    }
    const dataErrors = validateData(definition, event, options.unknownProperties ?? 'refuse');
    errors.push(...dataErrors);
    // A key the payload rules already refused would only repeat itself as a subject mismatch.
    if (!dataErrors.some((e) => e.field === `data.${definition.key}`)) errors.push(...validateKey(definition, event));
    return { ok: errors.length === 0, errors, definition };
  }

  /** The JSON Schema of the type's payload (draft-07, self-contained, frozen, cached); undefined for an unknown type. */
  jsonSchema(type: string): JsonSchema | undefined {
    const definition = this.byType.get(type);
    if (!definition) return undefined;
    let schema = this.schemas.get(type);
    if (!schema) {
      // Generating walks every class-validator class in the process: done once per registry.
      this.classSchemas ??= buildClassSchemas();
      schema = deepFreeze(
        selfContainedSchema(this.classSchemas, definition.payload.name, {
          $id: `urn:zone-hub:schema:${definition.type}`,
          title: definition.type,
          description: definition.summary,
          examples: [structuredClone(definition.example)],
        }),
      );
      this.schemas.set(type, schema);
    }
    return schema;
  }

  /** The Kafka key for an event of a registered type: its payload's key property. */
  keyOf(event: CloudEvent): string | undefined {
    const definition = this.byType.get(event.type);
    return definition ? eventKeyOf(definition, event.data) : undefined;
  }
}

function validateData(
  definition: EventTypeDefinition,
  event: Record<string, unknown>,
  unknownProperties: 'refuse' | 'accept',
): FieldError[] {
  const contentType = event['datacontenttype'];
  if (typeof contentType === 'string' && !isJsonMediaType(contentType)) {
    return [
      fieldError(
        'datacontenttype',
        RegistryRules.jsonContentType,
        `${definition.type} carries JSON data: datacontenttype must be application/json`,
      ),
    ];
  }
  const data = event['data'];
  if (data === undefined) return [fieldError('data', RegistryRules.dataRequired, `${definition.type} requires data`)];
  if (!isPlainObject(data)) return [fieldError('data', RegistryRules.dataObject, 'data must be a JSON object')];
  const beyond = dataLimitErrors(data, 'data', { refuseNull: unknownProperties === 'refuse' });
  if (beyond.length > 0) return beyond;
  if (payloadAcceptor(definition.payload)?.(data)) return [];
  const instance = plainToInstance(definition.payload, data);
  const issues = validateSync(instance, {
    whitelist: true,
    forbidNonWhitelisted: unknownProperties === 'refuse',
    stopAtFirstError: true,
  });
  return flattenValidationErrors(issues, 'data');
}

function validateKey(definition: EventTypeDefinition, event: Record<string, unknown>): FieldError[] {
  const key = eventKeyOf(definition, event['data']);
  if (key === undefined) return []; // the payload errors already name the missing key
  const errors: FieldError[] = [];
  if (event['subject'] !== key) {
    errors.push(fieldError('subject', RegistryRules.subject, `subject must equal data.${definition.key} (${key})`));
  }
  const partitionkey = event['partitionkey'];
  if (partitionkey !== undefined && partitionkey !== null && partitionkey !== key) {
    errors.push(
      fieldError(
        'partitionkey',
        RegistryRules.partitionKey,
        `partitionkey must equal data.${definition.key} (${key}): it is the Kafka key`,
      ),
    );
  }
  return errors;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
