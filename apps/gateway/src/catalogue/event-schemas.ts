import { CLOUDEVENTS_SPEC_VERSION, DEPARTMENTS, EventLimits, EventTypeDefinition, JsonSchema } from '@hub/contracts';

/** A JSON Schema as the OpenAPI 3.0 and AsyncAPI documents hold it: mutable, references into `#/components/schemas/`. */
export type SchemaObject = Record<string, unknown>;

export const COMPONENTS_PREFIX = '#/components/schemas/';

/** The component name of an event type's payload, e.g. `zone.approval.enterprise.registered.v1` → `EnterpriseRegisteredV1Data`. */
export function payloadSchemaName(definition: EventTypeDefinition): string {
  return `${pascal(definition.name.aggregate)}${pascal(definition.name.verb)}V${definition.version}Data`;
}

/** The component name of a whole CloudEvent of that type (structured mode). */
export function eventSchemaName(definition: EventTypeDefinition): string {
  return `${pascal(definition.name.aggregate)}${pascal(definition.name.verb)}V${definition.version}Event`;
}

/**
 * Moves a self-contained draft-07 schema into a components map: its `definitions` become components of their own
 * (prefixed with `prefix` so that two payloads' nested classes cannot collide), `$ref`s follow them, and the
 * draft-07 keywords OpenAPI 3.0 does not know (`$schema`, `$id`, `examples`) are turned into `example` or dropped.
 */
export function addSchemaComponents(
  schema: JsonSchema,
  name: string,
  prefix: string,
  components: Record<string, SchemaObject>,
): void {
  const { definitions, examples, ...root } = schema as SchemaObject & {
    definitions?: Record<string, SchemaObject>;
    examples?: unknown[];
  };
  delete root['$schema'];
  delete root['$id'];
  const rename = (ref: string): string => `${COMPONENTS_PREFIX}${prefix}${ref.slice('#/definitions/'.length)}`;
  for (const [nested, nestedSchema] of Object.entries(definitions ?? {}))
    components[`${prefix}${nested}`] = rewriteRefs(nestedSchema, rename) as SchemaObject;
  components[name] = {
    ...(rewriteRefs(root, rename) as SchemaObject),
    ...(examples?.length ? { example: examples[0] } : {}),
  };
}

/** A structured-mode CloudEvent of one type, its `data` referring to the payload component. */
export function envelopeSchema(definition: EventTypeDefinition, dataRef: string): SchemaObject {
  return {
    type: 'object',
    description: definition.summary,
    required: ['specversion', 'id', 'source', 'type', 'subject', 'data'],
    properties: {
      specversion: { type: 'string', enum: [CLOUDEVENTS_SPEC_VERSION] },
      id: {
        type: 'string',
        minLength: 1,
        maxLength: EventLimits.identifierLength,
        description: 'Unique per source: the same source and id is the same event (answered with its first receipt).',
      },
      source: {
        type: 'string',
        format: 'uri-reference',
        maxLength: EventLimits.source,
        description: 'The sending system, e.g. /departments/SPJ/systems/approval.',
      },
      type: { type: 'string', enum: [definition.type] },
      subject: {
        type: 'string',
        maxLength: EventLimits.identifierLength,
        description: `Equals data.${definition.key}.`,
      },
      time: { type: 'string', format: 'date-time', maxLength: EventLimits.attributeLength },
      datacontenttype: { type: 'string', enum: ['application/json'] },
      dataschema: { type: 'string', format: 'uri', maxLength: EventLimits.attributeLength },
      partitionkey: {
        type: 'string',
        maxLength: EventLimits.identifierLength,
        description: `Derived by the hub: the Kafka key is always data.${definition.key}; if sent, it must equal it.`,
      },
      department: {
        type: 'string',
        enum: DEPARTMENTS.map((d) => d.code),
        description: 'The sending department; must match the credentials.',
      },
      correlationid: { type: 'string', maxLength: EventLimits.identifierLength },
      causationid: { type: 'string', maxLength: EventLimits.identifierLength },
      traceparent: { type: 'string', pattern: '^[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$' },
      tracestate: { type: 'string', maxLength: EventLimits.attributeLength },
      data: {
        allOf: [{ $ref: dataRef }],
        description:
          `At most ${EventLimits.dataDepth} levels of objects and arrays, strings of ${EventLimits.dataStringLength} ` +
          `characters, property names of ${EventLimits.dataKeyLength}, arrays of ${EventLimits.dataArrayLength} items; ` +
          'no NUL (U+0000) or unpaired surrogate in names or values.',
      },
    },
  };
}

function rewriteRefs(node: unknown, rename: (ref: string) => string): unknown {
  if (Array.isArray(node)) return node.map((item) => rewriteRefs(item, rename));
  if (typeof node !== 'object' || node === null) return node;
  return Object.fromEntries(
    Object.entries(node).map(([key, value]) =>
      key === '$ref' && typeof value === 'string' && value.startsWith('#/definitions/')
        ? [key, rename(value)]
        : [key, rewriteRefs(value, rename)],
    ),
  );
}

function pascal(segment: string): string {
  return segment
    .split('-')
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
}
