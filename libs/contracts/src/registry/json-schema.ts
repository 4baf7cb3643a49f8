import { MAX, MIN } from 'class-validator';
import { validationMetadatasToSchemas } from 'class-validator-jsonschema';
import type { ISchemaConverters } from 'class-validator-jsonschema/build/defaultConverters';
import { DEPARTMENTS, DEPARTMENT_CODE_RULE } from '../departments/departments';
import { LICENCE_ID_PATTERN, LICENCE_ID_RULE } from '../identifiers/licence-id';
import { USCC_PATTERN, UsccRules } from '../identifiers/uscc';
import { FormatRules } from '../validation/format.decorators';
import { EVENT_TYPE_PATTERN, EVENT_TYPE_RULE } from './naming';

// class-transformer ships the storage's JavaScript under cjs/ and its types under types/; the schema
// generator needs that storage to follow @Type() into nested classes and arrays of them.
const { defaultMetadataStorage } =
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require('class-transformer/cjs/storage') as typeof import('class-transformer/types/storage');

/** A JSON Schema (draft-07) object; kept loose because class-validator-jsonschema builds it. */
export type JsonSchema = { readonly [keyword: string]: unknown };

const string = (extra: Record<string, unknown> = {}) => ({ type: 'string' as const, ...extra });

/** How the contracts' own constraints read in JSON Schema (keyed by constraint name). */
const CONVERTERS: ISchemaConverters = {
  // The defaults add `type: number`, which would overwrite `type: integer` from @IsInt: the bound alone is kept.
  [MIN]: (meta) => ({ minimum: meta.constraints[0] as number }),
  [MAX]: (meta) => ({ maximum: meta.constraints[0] as number }),
  [UsccRules.format]: string({ pattern: USCC_PATTERN.source, description: '统一社会信用代码 (GB 32100-2015)' }),
  // The MOD 31 check character is not expressible in JSON Schema; the validator enforces it.
  [UsccRules.checksum]: {},
  [LICENCE_ID_RULE]: string({ pattern: LICENCE_ID_PATTERN.source, description: '证照标识 (GB/T 36904-2018)' }),
  [FormatRules.calendarDate]: string({ format: 'date' }),
  [FormatRules.rfc3339]: string({ format: 'date-time' }),
  [FormatRules.uriReference]: string({ format: 'uri-reference' }),
  [FormatRules.absoluteUri]: string({ format: 'uri' }),
  [FormatRules.mediaType]: string(),
  [FormatRules.traceparent]: string({ pattern: '^[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$' }),
  [FormatRules.cloudEventsString]: string(),
  [DEPARTMENT_CODE_RULE]: string({ enum: DEPARTMENTS.map((d) => d.code) }),
  [EVENT_TYPE_RULE]: string({ pattern: EVENT_TYPE_PATTERN.source }),
};

/** Schemas of every class-validator class loaded so far, keyed by class name; nested classes by `$ref`. */
export function buildClassSchemas(): Readonly<Record<string, JsonSchema>> {
  return validationMetadatasToSchemas({
    classTransformerMetadataStorage: defaultMetadataStorage,
    additionalConverters: CONVERTERS,
  }) as Record<string, JsonSchema>;
}

const REF_PREFIX = '#/definitions/';

/**
 * A self-contained schema for one class: the class's schema with the classes it refers to under
 * `definitions`. Objects refuse unknown properties, as the validator does (`forbidNonWhitelisted`).
 */
export function selfContainedSchema(
  schemas: Readonly<Record<string, JsonSchema>>,
  className: string,
  annotations: Record<string, unknown>,
): JsonSchema {
  const root = schemas[className];
  if (!root) throw new Error(`no JSON Schema for class ${className}: does it have class-validator decorators?`);
  const definitions: Record<string, JsonSchema> = {};
  const pending = collectRefs(root);
  while (pending.length > 0) {
    const name = pending.pop() as string;
    if (name in definitions || name === className) continue;
    const schema = schemas[name];
    if (!schema) throw new Error(`no JSON Schema for nested class ${name}`);
    definitions[name] = closed(schema);
    pending.push(...collectRefs(schema));
  }
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    ...annotations,
    ...closed(root),
    ...(Object.keys(definitions).length > 0 ? { definitions } : {}),
  };
}

function closed(schema: JsonSchema): JsonSchema {
  return schema['type'] === 'object' ? { ...schema, additionalProperties: false } : schema;
}

function collectRefs(node: unknown, found: string[] = []): string[] {
  if (Array.isArray(node)) {
    for (const item of node) collectRefs(item, found);
  } else if (typeof node === 'object' && node !== null) {
    for (const [keyword, value] of Object.entries(node)) {
      if (keyword === '$ref' && typeof value === 'string' && value.startsWith(REF_PREFIX))
        found.push(value.slice(REF_PREFIX.length));
      else collectRefs(value, found);
    }
  }
  return found;
}
