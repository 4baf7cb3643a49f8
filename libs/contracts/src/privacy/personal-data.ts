import { getMetadataStorage } from 'class-validator';
import { JSONSchema } from 'class-validator-jsonschema';

// class-transformer ships the storage's JavaScript under cjs/ and its types under types/; @Type() metadata says
// which class a nested property holds.
const { defaultMetadataStorage: transformerStorage } =
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require('class-transformer/cjs/storage') as typeof import('class-transformer/types/storage');

/**
 * 可用不可见: what kind of personal data a payload property holds, which decides how it is masked.
 * - `name`: a natural person's name (法定代表人): the surname stays, `张三丰` → `张**`;
 * - `identifier`: a number that identifies a person (执法证号, 身份证号, a person's account): `1301…5678` → `13****78`.
 */
export type PersonalDataKind = 'name' | 'identifier';

/** The JSON Schema keyword that marks a personal-data property in the catalogue and the AsyncAPI document. */
export const PERSONAL_DATA_KEYWORD = 'x-personal-data';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- decorators key metadata by constructor
type PayloadClass = Function;

const marks = new Map<PayloadClass, Map<string, PersonalDataKind>>();

/**
 * Marks a payload property as personal data, once, in the contract: it is masked in answers to callers not
 * entitled to it, and its value is kept out of log lines, error text and dead-letter headers.
 */
export function PersonalData(kind: PersonalDataKind): PropertyDecorator {
  const schema = JSONSchema({ [PERSONAL_DATA_KEYWORD]: kind });
  return (target, property) => {
    const owner = target.constructor;
    const own = marks.get(owner) ?? new Map<string, PersonalDataKind>();
    own.set(String(property), kind);
    marks.set(owner, own);
    schema(target, String(property));
  };
}

/** A marked property of a payload class, or a nested class (reached through `@Type()`) that holds marked ones. */
interface Mark {
  readonly kind?: PersonalDataKind;
  readonly nested?: PayloadClass;
}

const plans = new WeakMap<PayloadClass, ReadonlyMap<string, Mark>>();

/** The marked properties of a class and its ancestors, and the nested classes that hold more; cached per class. */
function plan(cls: PayloadClass, visiting = new Set<PayloadClass>()): ReadonlyMap<string, Mark> {
  const cached = plans.get(cls);
  if (cached) return cached;
  const result = new Map<string, Mark>();
  for (let c: unknown = cls; typeof c === 'function' && c !== Function.prototype; c = Object.getPrototypeOf(c)) {
    for (const [property, kind] of marks.get(c as PayloadClass) ?? [])
      if (!result.has(property)) result.set(property, { kind });
  }
  visiting.add(cls);
  const properties = getMetadataStorage()
    .getTargetValidationMetadatas(cls, '', false, false, undefined)
    .map((rule) => rule.propertyName);
  for (const property of new Set(properties)) {
    if (result.has(property)) continue;
    const nested = transformerStorage.findTypeMetadata(cls as never, property)?.typeFunction() as
      PayloadClass | undefined;
    if (nested && !visiting.has(nested) && plan(nested, visiting).size > 0) result.set(property, { nested });
  }
  visiting.delete(cls);
  plans.set(cls, result);
  return result;
}

/**
 * Who sees personal data unmasked, between departments: the department that holds it (its own officers, the
 * enterprises it registered); every other caller sees it masked. The roles people hold will add their own grants.
 */
export function entitledToPersonalData(caller: string, holder: string | null | undefined): boolean {
  return typeof holder === 'string' && caller === holder;
}

/** Masks one value as its kind says; a non-string is replaced whole. */
export function maskValue(kind: PersonalDataKind, value: unknown): string {
  if (typeof value !== 'string') return '***';
  const chars = [...value];
  if (kind === 'name') return chars.length <= 1 ? '*' : chars[0] + '*'.repeat(chars.length - 1);
  if (chars.length < 8) return '*'.repeat(chars.length);
  return chars.slice(0, 2).join('') + '*'.repeat(chars.length - 4) + chars.slice(-2).join('');
}

/** A copy of `data` with every personal-data property of `cls` masked (nested objects and arrays included). */
export function maskPersonalData<T>(cls: PayloadClass, data: T): T {
  const marked = plan(cls);
  if (marked.size === 0 || typeof data !== 'object' || data === null) return data;
  if (Array.isArray(data)) return data.map((item: unknown) => maskPersonalData(cls, item)) as T;
  const copy: Record<string, unknown> = { ...(data as Record<string, unknown>) };
  for (const [property, mark] of marked) {
    if (!Object.prototype.hasOwnProperty.call(copy, property)) continue;
    const value = copy[property];
    if (mark.kind) copy[property] = value === null || value === undefined ? value : maskValue(mark.kind, value);
    else if (mark.nested) copy[property] = maskPersonalData(mark.nested, value);
  }
  return copy as T;
}

/** A personal value found in a payload, with what replaces it in text. */
export interface Redaction {
  readonly value: string;
  readonly masked: string;
}

/** The personal values `data` carries, longest first, so that text can be cleaned of them ({@link redact}). */
export function personalValuesOf(cls: PayloadClass, data: unknown): Redaction[] {
  const found = new Map<string, string>();
  collect(cls, data, found);
  return [...found].map(([value, masked]) => ({ value, masked })).sort((a, b) => b.value.length - a.value.length);
}

function collect(cls: PayloadClass, data: unknown, found: Map<string, string>): void {
  if (typeof data !== 'object' || data === null) return;
  if (Array.isArray(data)) {
    for (const item of data) collect(cls, item, found);
    return;
  }
  for (const [property, mark] of plan(cls)) {
    const value = (data as Record<string, unknown>)[property];
    if (mark.kind && typeof value === 'string' && value !== '') found.set(value, maskValue(mark.kind, value));
    else if (mark.nested) collect(mark.nested, value, found);
  }
}

/** `text` with every occurrence of the personal values replaced by their masked form. */
export function redact(text: string, redactions: readonly Redaction[]): string {
  let result = text;
  for (const { value, masked } of redactions) result = result.split(value).join(masked);
  return result;
}

/** The marked property paths of a class (`decision.holder`, `actor`…), for documentation and tests. */
export function personalDataPaths(cls: PayloadClass, prefix = ''): { path: string; kind: PersonalDataKind }[] {
  return [...plan(cls)].flatMap(([property, mark]) =>
    mark.kind
      ? [{ path: prefix + property, kind: mark.kind }]
      : mark.nested
        ? personalDataPaths(mark.nested, `${prefix}${property}.`)
        : [],
  );
}
