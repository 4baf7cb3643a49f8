import { fieldError, type FieldError } from './field-error';
import { hasLoneSurrogate } from './formats';
import { EventLimits, LimitRules } from './limits';

/**
 * `__proto__` would reach an object's prototype if copied with plain assignment; the names Object.prototype carries
 * (`constructor`, `toString`…) pass class-validator's whitelist, which looks property names up in a plain object.
 */
const FORBIDDEN_KEYS = new Set(['__proto__', ...Object.getOwnPropertyNames(Object.prototype)]);
export const FORBIDDEN_KEY_RULE = 'forbiddenKey';

/**
 * No contract has a field whose value may be null (the published JSON Schemas type every field without it), but
 * class-validator's IsOptional lets null through: a publisher's null is refused here, and an optional field left out.
 * Consumers accept it (as absent), so that an event accepted before this rule never becomes a dead letter.
 */
const NULL_MESSAGE = 'null is not a value of any field: leave an optional field out instead';

/** Enough to name what is wrong; a payload with a thousand bad strings gets the first ones. */
const MAX_ERRORS = 10;

interface Visit {
  readonly value: unknown;
  readonly depth: number;
  readonly parent: Visit | undefined;
  /** How the parent reaches it: `.name` or `[3]`. */
  readonly step: string;
}

/**
 * What no payload may hold, whatever its contract: too deep a nesting, too long a key, string or array, NUL (which
 * PostgreSQL's text and jsonb refuse), unpaired surrogates (which it would store as U+FFFD), property names that
 * reach a prototype, and — with `refuseNull`, the publishers' reading — null. Iterative, so any depth is refused
 * without exhausting the stack, and linear in the size of `data`: a value's path is spelt only when it is refused.
 */
export function dataLimitErrors(data: unknown, root = 'data', { refuseNull = false } = {}): FieldError[] {
  const errors: FieldError[] = [];
  const pending: Visit[] = [{ value: data, depth: 1, parent: undefined, step: root }];
  while (pending.length > 0 && errors.length < MAX_ERRORS) {
    const visit = pending.pop() as Visit;
    const { value } = visit;
    if (value === null && refuseNull) {
      errors.push(fieldError(pathOf(visit), LimitRules.notNull, NULL_MESSAGE));
      continue;
    }
    if (typeof value === 'string') {
      const rule = stringRule(value, EventLimits.dataStringLength);
      if (rule)
        errors.push(fieldError(pathOf(visit), rule, stringMessage(rule, 'string', EventLimits.dataStringLength)));
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    if (visit.depth > EventLimits.dataDepth) {
      errors.push(
        fieldError(
          pathOf(visit),
          LimitRules.maxDepth,
          `data may nest objects and arrays at most ${EventLimits.dataDepth} levels deep`,
        ),
      );
      continue;
    }
    const depth = visit.depth + 1;
    if (Array.isArray(value)) {
      if (value.length > EventLimits.dataArrayLength) {
        errors.push(
          fieldError(
            pathOf(visit),
            LimitRules.maxItems,
            `an array may hold at most ${EventLimits.dataArrayLength} items`,
          ),
        );
        continue;
      }
      for (let i = value.length - 1; i >= 0; i--)
        pending.push({ value: value[i], depth, parent: visit, step: `[${i}]` });
      continue;
    }
    const keys = Object.keys(value);
    const children: Visit[] = [];
    for (const key of keys) {
      const rule = FORBIDDEN_KEYS.has(key) ? FORBIDDEN_KEY_RULE : stringRule(key, EventLimits.dataKeyLength);
      if (rule === undefined) {
        children.push({ value: (value as Record<string, unknown>)[key], depth, parent: visit, step: `.${key}` });
        continue;
      }
      const field = `${pathOf(visit)}${printableStep(key)}`;
      errors.push(
        fieldError(
          field,
          rule,
          rule === FORBIDDEN_KEY_RULE
            ? `property ${key} is not allowed`
            : stringMessage(rule, 'property name', EventLimits.dataKeyLength),
        ),
      );
      if (errors.length >= MAX_ERRORS) break;
    }
    for (let i = children.length - 1; i >= 0; i--) pending.push(children[i] as Visit);
  }
  return errors;
}

function stringRule(text: string, maxLength: number): string | undefined {
  if (text.length > maxLength) return LimitRules.maxLength;
  if (text.includes('\u0000')) return LimitRules.noNul;
  if (hasLoneSurrogate(text)) return LimitRules.noLoneSurrogate;
  return undefined;
}

function stringMessage(rule: string, what: string, maxLength: number): string {
  switch (rule) {
    case LimitRules.maxLength:
      return `a ${what} may be at most ${maxLength} characters long`;
    case LimitRules.noNul:
      return `a ${what} must not contain NUL (U+0000)`;
    default:
      return `a ${what} must not contain an unpaired surrogate (it is not Unicode text)`;
  }
}

function pathOf(visit: Visit): string {
  const steps: string[] = [];
  for (let at: Visit | undefined = visit; at !== undefined; at = at.parent) steps.push(at.step);
  return steps.reverse().join('');
}

/** A refused name, as a field path can carry it: escaped, and cut when it is the length that is wrong. */
function printableStep(key: string): string {
  const cut = key.length > EventLimits.dataKeyLength;
  const shown = cut ? key.slice(0, EventLimits.dataKeyLength) : key;
  const step = /^[A-Za-z0-9_$-]+$/.test(shown) ? `.${shown}` : `[${JSON.stringify(shown)}]`;
  return cut ? `${step}…` : step;
}
