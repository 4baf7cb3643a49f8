import type { ValidationError } from 'class-validator';

/**
 * One reason an event or a value was refused. `field` is a dotted path (`data.commitments[0].text`),
 * `rule` the name of the rule that failed (`isUscc`, `usccChecksum`, `extensionName`…). Both reach the
 * outside world: RFC 9457 problem details at the gateway, the `hub-dlq-reason` header on dead letters.
 */
export interface FieldError {
  readonly field: string;
  readonly rule: string;
  readonly message: string;
}

export function fieldError(field: string, rule: string, message: string): FieldError {
  return { field, rule, message };
}

/** Prefixes every error's field, e.g. `data` or `[3]` for the fourth event of a batch. */
export function prefixFieldErrors(prefix: string, errors: readonly FieldError[]): FieldError[] {
  return errors.map((error) => ({ ...error, field: joinPath(prefix, error.field) }));
}

/** Turns class-validator's error tree into flat errors with dotted paths and `[index]` for array items. */
export function flattenValidationErrors(errors: readonly ValidationError[], prefix = ''): FieldError[] {
  const flat: FieldError[] = [];
  for (const error of errors) {
    const field = joinPath(prefix, /^\d+$/.test(error.property) ? `[${error.property}]` : error.property);
    for (const [rule, message] of Object.entries(error.constraints ?? {})) {
      flat.push({ field, rule, message });
    }
    flat.push(...flattenValidationErrors(error.children ?? [], field));
  }
  return flat;
}

export interface FormatFieldErrorsOptions {
  /** Cut the line to this many characters (header values should stay small); default: no limit. */
  readonly maxLength?: number;
}

/** One human line: `data.uscc (usccChecksum): …; time (isRfc3339): …`. */
export function formatFieldErrors(errors: readonly FieldError[], options: FormatFieldErrorsOptions = {}): string {
  const line = errors
    .map((error) => `${error.field || '(event)'} (${error.rule}): ${error.message}`)
    .join('; ')
    .replace(/[\r\n\t]+/g, ' ');
  const { maxLength } = options;
  if (maxLength === undefined || line.length <= maxLength) return line;
  return `${line.slice(0, Math.max(0, maxLength - 1))}…`;
}

function joinPath(prefix: string, field: string): string {
  if (prefix === '') return field;
  if (field === '') return prefix;
  return field.startsWith('[') ? `${prefix}${field}` : `${prefix}.${field}`;
}
