import { ValidateBy, type ValidationOptions } from 'class-validator';
import {
  isAbsoluteUri,
  isCalendarDate,
  isCloudEventsString,
  isMediaType,
  isRfc3339Timestamp,
  isTraceparent,
  isUriReference,
} from './formats';

/** Constraint names: they are the `rule` of a FieldError and the keys of the JSON Schema converters. */
export const FormatRules = {
  calendarDate: 'isCalendarDate',
  rfc3339: 'isRfc3339',
  uriReference: 'isUriReference',
  absoluteUri: 'isAbsoluteUri',
  mediaType: 'isMediaType',
  traceparent: 'isTraceparent',
  cloudEventsString: 'isCloudEventsString',
} as const;

/** A class-validator decorator from a predicate; `describe` completes "<property> must …". */
export function predicateDecorator(
  name: string,
  predicate: (value: unknown) => boolean,
  describe: string,
  validationOptions?: ValidationOptions,
): PropertyDecorator {
  return ValidateBy(
    {
      name,
      validator: {
        validate: (value) => predicate(value),
        defaultMessage: (args) => `${args?.property ?? 'value'} must ${describe}`,
      },
    },
    validationOptions,
  );
}

/** `YYYY-MM-DD`, a real calendar day. */
export const IsCalendarDate = (options?: ValidationOptions): PropertyDecorator =>
  predicateDecorator(
    FormatRules.calendarDate,
    isCalendarDate,
    'be a calendar date YYYY-MM-DD (RFC 3339 full-date)',
    options,
  );

/** An RFC 3339 timestamp such as `2026-11-27T08:00:00Z` or `2026-11-27T16:00:00+08:00`. */
export const IsRfc3339 = (options?: ValidationOptions): PropertyDecorator =>
  predicateDecorator(
    FormatRules.rfc3339,
    isRfc3339Timestamp,
    'be an RFC 3339 timestamp, e.g. 2026-11-27T08:00:00Z',
    options,
  );

export const IsUriReference = (options?: ValidationOptions): PropertyDecorator =>
  predicateDecorator(FormatRules.uriReference, isUriReference, 'be a non-empty URI-reference (RFC 3986 §4.1)', options);

export const IsAbsoluteUri = (options?: ValidationOptions): PropertyDecorator =>
  predicateDecorator(FormatRules.absoluteUri, isAbsoluteUri, 'be an absolute URI (RFC 3986 §4.3)', options);

export const IsMediaType = (options?: ValidationOptions): PropertyDecorator =>
  predicateDecorator(
    FormatRules.mediaType,
    isMediaType,
    'be a media type such as application/json (RFC 2046)',
    options,
  );

export const IsTraceparent = (options?: ValidationOptions): PropertyDecorator =>
  predicateDecorator(
    FormatRules.traceparent,
    isTraceparent,
    'be a W3C traceparent: 00-<32 hex trace id>-<16 hex parent id>-<2 hex flags>, ids not all zero',
    options,
  );

export const IsCloudEventsString = (options?: ValidationOptions): PropertyDecorator =>
  predicateDecorator(
    FormatRules.cloudEventsString,
    isCloudEventsString,
    'be a CloudEvents String: no control characters, noncharacters or unpaired surrogates',
    options,
  );
