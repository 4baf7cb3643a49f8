import { Equals, IsDefined, IsNotEmpty, IsOptional, IsString, MaxLength, validateSync } from 'class-validator';
import { IsDepartmentCode } from '../departments/departments';
import { EVENT_TYPE_RULE, isEventTypeName } from '../registry/naming';
import { fieldError, flattenValidationErrors, type FieldError } from '../validation/field-error';
import { EventLimits, LimitRules } from '../validation/limits';
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
import { isDepartmentCode } from '../departments/departments';
import { CLOUDEVENTS_SPEC_VERSION, CORE_ATTRIBUTES, HUB_EXTENSIONS } from './cloud-event';

const required = (attribute: string) => ({ message: `${attribute} is required (CloudEvents 1.0)` });
const text = (attribute: string) => ({ message: `${attribute} must be a string` });
const nonEmpty = (attribute: string) => ({ message: `${attribute} must be a non-empty string` });

const MaxChars = (max: number) => MaxLength(max, { message: `$property must be at most ${max} characters long` });

const isLonger = (value: unknown, max: number): boolean => typeof value === 'string' && value.length > max;

const IsEventType = () =>
  predicateDecorator(
    EVENT_TYPE_RULE,
    isEventTypeName,
    'be zone.<domain>.<aggregate>.<verb>.v<N>, e.g. zone.approval.enterprise.registered.v1',
  );

// class-validator runs a property's decorators bottom-up; with stopAtFirstError the lowest failing one is
// reported, so presence and type sit at the bottom and format checks above them. A length limit sits above the
// string check; where there is none, above the format check, which names a value of another type better.
/** The context attributes of a CloudEvent, core and the hub's extensions. `data` is checked by the registry. */
export class CloudEventEnvelope {
  @Equals(CLOUDEVENTS_SPEC_VERSION, { message: 'specversion must be "1.0" (CloudEvents 1.0)' })
  @IsDefined(required('specversion'))
  specversion!: string;

  @IsCloudEventsString()
  @IsNotEmpty(nonEmpty('id'))
  @MaxChars(EventLimits.identifierLength)
  @IsString(text('id'))
  @IsDefined(required('id'))
  id!: string;

  @IsUriReference()
  @MaxChars(EventLimits.source)
  @IsString(text('source'))
  @IsDefined(required('source'))
  source!: string;

  @IsEventType()
  @MaxChars(EventLimits.type)
  @IsString(text('type'))
  @IsDefined(required('type'))
  type!: string;

  @IsCloudEventsString()
  @IsNotEmpty(nonEmpty('subject'))
  @MaxChars(EventLimits.identifierLength)
  @IsString(text('subject'))
  @IsOptional()
  subject?: string;

  @MaxChars(EventLimits.attributeLength)
  @IsRfc3339()
  @IsOptional()
  time?: string;

  @MaxChars(EventLimits.attributeLength)
  @IsMediaType()
  @IsOptional()
  datacontenttype?: string;

  @MaxChars(EventLimits.attributeLength)
  @IsAbsoluteUri()
  @IsOptional()
  dataschema?: string;

  @IsCloudEventsString()
  @IsNotEmpty(nonEmpty('partitionkey'))
  @MaxChars(EventLimits.identifierLength)
  @IsString(text('partitionkey'))
  @IsOptional()
  partitionkey?: string;

  @MaxChars(EventLimits.attributeLength)
  @IsTraceparent()
  @IsOptional()
  traceparent?: string;

  @IsCloudEventsString()
  @MaxChars(EventLimits.attributeLength)
  @IsString(text('tracestate'))
  @IsOptional()
  tracestate?: string;

  @IsDepartmentCode()
  @IsOptional()
  department?: string;

  @IsCloudEventsString()
  @IsNotEmpty(nonEmpty('correlationid'))
  @MaxChars(EventLimits.identifierLength)
  @IsString(text('correlationid'))
  @IsOptional()
  correlationid?: string;

  @IsCloudEventsString()
  @IsNotEmpty(nonEmpty('causationid'))
  @MaxChars(EventLimits.identifierLength)
  @IsString(text('causationid'))
  @IsOptional()
  causationid?: string;
}

const KNOWN = new Set<string>([...CORE_ATTRIBUTES, ...HUB_EXTENSIONS]);
const KNOWN_LIST: readonly KnownAttribute[] = [...CORE_ATTRIBUTES, ...HUB_EXTENSIONS];
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
  const errors = acceptsKnownAttributes(event) ? [] : knownAttributeErrors(event);
  for (const [name, value] of Object.entries(event)) {
    if (KNOWN.has(name) || name === 'data') continue;
    errors.push(...validateExtension(name, value));
  }
  return errors;
}

/** The known attributes' errors, through the decorators. Exported for the differential test only. */
export function knownAttributeErrors(event: Record<string, unknown>): FieldError[] {
  const envelope = new CloudEventEnvelope();
  for (const name of KNOWN) {
    if (Object.prototype.hasOwnProperty.call(event, name)) {
      (envelope as unknown as Record<string, unknown>)[name] = event[name];
    }
  }
  return flattenValidationErrors(validateSync(envelope, { stopAtFirstError: true }));
}

const nonEmptyText = (value: unknown): boolean =>
  typeof value === 'string' && value !== '' && isCloudEventsString(value);
const identifier = (value: unknown): boolean => nonEmptyText(value) && !isLonger(value, EventLimits.identifierLength);
const within =
  (max: number, check: (value: unknown) => boolean) =>
  (value: unknown): boolean =>
    !isLonger(value, max) && check(value);

/** Per attribute, a predicate that holds only for values every decorator of {@link CloudEventEnvelope} accepts. */
const ACCEPTS: Record<KnownAttribute, (value: unknown) => boolean> = {
  specversion: (value) => value === CLOUDEVENTS_SPEC_VERSION,
  id: identifier,
  source: within(EventLimits.source, (value) => typeof value === 'string' && isUriReference(value)),
  type: within(EventLimits.type, isEventTypeName),
  subject: identifier,
  time: within(EventLimits.attributeLength, isRfc3339Timestamp),
  datacontenttype: within(EventLimits.attributeLength, isMediaType),
  dataschema: within(EventLimits.attributeLength, isAbsoluteUri),
  partitionkey: identifier,
  traceparent: within(EventLimits.attributeLength, isTraceparent),
  tracestate: within(EventLimits.attributeLength, (value) => typeof value === 'string' && isCloudEventsString(value)),
  department: isDepartmentCode,
  correlationid: identifier,
  causationid: identifier,
};
const REQUIRED = ['specversion', 'id', 'source', 'type'] as const;
type KnownAttribute = (typeof CORE_ATTRIBUTES)[number] | (typeof HUB_EXTENSIONS)[number];

/**
 * The fast path for what nearly every message is, a valid envelope: the same predicates the decorators apply,
 * without class-validator's per-decorator machinery (three quarters of a message's validation time). It may only
 * say yes where the decorators would (an absent or null optional attribute aside, anything unusual goes the slow
 * way); the slow way alone writes errors, so their fields, rules and messages have one source.
 */
export function acceptsKnownAttributes(event: Record<string, unknown>): boolean {
  for (const name of REQUIRED) if (!Object.prototype.hasOwnProperty.call(event, name)) return false;
  for (const name of KNOWN_LIST) {
    if (!Object.prototype.hasOwnProperty.call(event, name)) continue;
    if (!ACCEPTS[name](event[name])) return false;
  }
  return true;
}

function validateExtension(name: string, value: unknown): FieldError[] {
  // CloudEvents 1.0 §Naming Conventions: attribute names are lower-case ASCII letters and digits only.
  if (!ATTRIBUTE_NAME.test(name)) {
    // Escaped (NUL, controls, unpaired surrogates) and cut: the field travels in dead-letter headers and is stored.
    const shown = JSON.stringify(name.slice(0, EventLimits.extensionNameLength)).slice(1, -1);
    return [
      fieldError(
        shown,
        EnvelopeRules.extensionName,
        `extension attribute name "${shown}" must consist of a-z and 0-9 only (CloudEvents 1.0)`,
      ),
    ];
  }
  if (name.length > EventLimits.extensionNameLength) {
    return [
      fieldError(
        `${name.slice(0, EventLimits.extensionNameLength)}…`,
        LimitRules.maxLength,
        `extension attribute names may be at most ${EventLimits.extensionNameLength} characters long (CloudEvents 1.0)`,
      ),
    ];
  }
  if (isLonger(value, EventLimits.attributeLength)) {
    return [
      fieldError(name, LimitRules.maxLength, `${name} must be at most ${EventLimits.attributeLength} characters long`),
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
