import { Equals, IsDefined, IsNotEmpty, IsOptional, IsString, validateSync } from 'class-validator';
import { IsDepartmentCode, isDepartmentCode } from '../departments/departments';
import { EVENT_TYPE_RULE, isEventTypeName } from '../registry/naming';
import { fieldError, flattenValidationErrors, type FieldError } from '../validation/field-error';
import {
  IsAbsoluteUri,
  IsCloudEventsString,
  IsMediaType,
  IsRfc3339,
  IsTraceparent,
  IsUriReference,
  predicateDecorator,
} from '../validation/format.decorators';
import {
  isAbsoluteUri,
  isCloudEventsString,
  isMediaType,
  isRfc3339Timestamp,
  isTraceparent,
  isUriReference,
} from '../validation/formats';
import { CLOUDEVENTS_SPEC_VERSION, CORE_ATTRIBUTES, HUB_EXTENSIONS } from './cloud-event';

const required = (attribute: string) => ({ message: `${attribute} is required (CloudEvents 1.0)` });
const text = (attribute: string) => ({ message: `${attribute} must be a string` });
const nonEmpty = (attribute: string) => ({ message: `${attribute} must be a non-empty string` });

const IsEventType = () =>
  predicateDecorator(
    EVENT_TYPE_RULE,
    isEventTypeName,
    'be zone.<domain>.<aggregate>.<verb>.v<N>, e.g. zone.approval.enterprise.registered.v1',
  );

// class-validator runs a property's decorators bottom-up; with stopAtFirstError the lowest failing one is
// reported, so presence and type sit at the bottom and format checks above them.
/** The context attributes of a CloudEvent, core and the hub's extensions. `data` is checked by the registry. */
export class CloudEventEnvelope {
  @Equals(CLOUDEVENTS_SPEC_VERSION, { message: 'specversion must be "1.0" (CloudEvents 1.0)' })
  @IsDefined(required('specversion'))
  specversion!: string;

  @IsCloudEventsString()
  @IsNotEmpty(nonEmpty('id'))
  @IsString(text('id'))
  @IsDefined(required('id'))
  id!: string;

  @IsUriReference()
  @IsString(text('source'))
  @IsDefined(required('source'))
  source!: string;

  @IsEventType()
  @IsString(text('type'))
  @IsDefined(required('type'))
  type!: string;

  @IsCloudEventsString()
  @IsNotEmpty(nonEmpty('subject'))
  @IsString(text('subject'))
  @IsOptional()
  subject?: string;

  @IsRfc3339()
  @IsOptional()
  time?: string;

  @IsMediaType()
  @IsOptional()
  datacontenttype?: string;

  @IsAbsoluteUri()
  @IsOptional()
  dataschema?: string;

  @IsCloudEventsString()
  @IsNotEmpty(nonEmpty('partitionkey'))
  @IsString(text('partitionkey'))
  @IsOptional()
  partitionkey?: string;

  @IsTraceparent()
  @IsOptional()
  traceparent?: string;

  @IsCloudEventsString()
  @IsString(text('tracestate'))
  @IsOptional()
  tracestate?: string;

  @IsDepartmentCode()
  @IsOptional()
  department?: string;

  @IsCloudEventsString()
  @IsNotEmpty(nonEmpty('correlationid'))
  @IsString(text('correlationid'))
  @IsOptional()
  correlationid?: string;

  @IsCloudEventsString()
  @IsNotEmpty(nonEmpty('causationid'))
  @IsString(text('causationid'))
  @IsOptional()
  causationid?: string;
}

const KNOWN = new Set<string>([...CORE_ATTRIBUTES, ...HUB_EXTENSIONS]);
const ATTRIBUTE_NAME = /^[a-z0-9]+$/;
const INT32_MIN = -2_147_483_648;
const INT32_MAX = 2_147_483_647;

export const EnvelopeRules = {
  object: 'isObject',
  extensionName: 'extensionName',
  extensionValue: 'extensionValue',
} as const;

/**
 * Every problem with the context attributes of `event`: the known ones through {@link CloudEventEnvelope},
 * other extensions by the CloudEvents naming and type-system rules. An empty list means a valid envelope.
 */
export function validateEnvelope(event: unknown): FieldError[] {
  if (!isPlainObject(event)) {
    return [fieldError('', EnvelopeRules.object, 'a CloudEvent must be a JSON object')];
  }
  const envelope = new CloudEventEnvelope();
  for (const name of KNOWN) {
    if (Object.prototype.hasOwnProperty.call(event, name)) {
      (envelope as unknown as Record<string, unknown>)[name] = event[name];
    }
  }
  const errors = isPlainlyValidEnvelope(envelope)
    ? []
    : flattenValidationErrors(validateSync(envelope, { stopAtFirstError: true }));
  for (const [name, value] of Object.entries(event)) {
    if (KNOWN.has(name) || name === 'data') continue;
    errors.push(...validateExtension(name, value));
  }
  return errors;
}

/**
 * The rules of {@link CloudEventEnvelope}'s decorators in one pass that only says whether all hold, with the same
 * predicates: almost every event is valid, and class-validator (a tenth of the speed) is asked only for the errors
 * of one that is not. Must never accept what the decorators refuse (a unit test compares the two).
 */
export function isPlainlyValidEnvelope(envelope: CloudEventEnvelope): boolean {
  const e = envelope as unknown as Record<string, unknown>;
  const absentOr = (value: unknown, check: (v: unknown) => boolean) =>
    value === undefined || value === null || check(value);
  const identifier = (v: unknown) => typeof v === 'string' && v !== '' && isCloudEventsString(v);
  return (
    e.specversion === CLOUDEVENTS_SPEC_VERSION &&
    identifier(e.id) &&
    typeof e.source === 'string' &&
    isUriReference(e.source) &&
    isEventTypeName(e.type) &&
    absentOr(e.subject, identifier) &&
    absentOr(e.time, isRfc3339Timestamp) &&
    absentOr(e.datacontenttype, isMediaType) &&
    absentOr(e.dataschema, isAbsoluteUri) &&
    absentOr(e.partitionkey, identifier) &&
    absentOr(e.traceparent, isTraceparent) &&
    absentOr(e.tracestate, (v) => typeof v === 'string' && isCloudEventsString(v)) &&
    absentOr(e.department, isDepartmentCode) &&
    absentOr(e.correlationid, identifier) &&
    absentOr(e.causationid, identifier)
  );
}

function validateExtension(name: string, value: unknown): FieldError[] {
  // CloudEvents 1.0 §Naming Conventions: attribute names are lower-case ASCII letters and digits only.
  if (!ATTRIBUTE_NAME.test(name)) {
    return [
      fieldError(
        name,
        EnvelopeRules.extensionName,
        `extension attribute name "${name}" must consist of a-z and 0-9 only (CloudEvents 1.0)`,
      ),
    ];
  }
  const ok =
    value === null ||
    typeof value === 'boolean' ||
    (typeof value === 'string' && isCloudEventsString(value)) ||
    (typeof value === 'number' && Number.isInteger(value) && value >= INT32_MIN && value <= INT32_MAX);
  if (ok) return [];
  return [
    fieldError(
      name,
      EnvelopeRules.extensionValue,
      `extension attribute ${name} must be a String, Boolean or 32-bit Integer (CloudEvents 1.0 type system)`,
    ),
  ];
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !Buffer.isBuffer(value);
}
