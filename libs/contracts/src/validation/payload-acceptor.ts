import { ValidationTypes, getMetadataStorage, type ValidationArguments } from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';

// class-transformer ships the storage's JavaScript under cjs/ and its types under types/.
const { defaultMetadataStorage: transformerStorage } =
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require('class-transformer/cjs/storage') as typeof import('class-transformer/types/storage');

/** Says whether a JSON value is an acceptable payload; `false` means "ask class-validator", not "invalid". */
export type PayloadAcceptor = (value: unknown) => boolean;

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- class-validator keys its rules by constructor
type PayloadClass = Function;
type Check = (value: unknown, object: Record<string, unknown>) => boolean;

interface ConstraintStorage {
  getTargetValidatorConstraints(target: PayloadClass): { instance: ConstraintInstance; async: boolean }[];
}
interface ConstraintInstance {
  validate(value: unknown, args: ValidationArguments): unknown;
}

const PLAIN_TO_CLASS = 0; // class-transformer's TransformationType.PLAIN_TO_CLASS

const compiled = new WeakMap<PayloadClass, PayloadAcceptor | null>();
const compiling = new Set<PayloadClass>();

/**
 * A predicate that holds only for a JSON object which `validateSync(plainToInstance(cls, value), { whitelist: true,
 * forbidNonWhitelisted: true })` accepts, built from the same decorators and run by the same constraint functions, but
 * without class-transformer's copy and class-validator's error objects (18 % of each app's CPU in bench/linkage).
 * Undefined for a class using anything it does not model (groups, async rules, transforms, property defaults…);
 * then, and whenever it answers false, class-validator decides and alone writes the errors.
 */
export function payloadAcceptor(cls: PayloadClass): PayloadAcceptor | undefined {
  let acceptor = compiled.get(cls);
  if (acceptor === undefined) {
    // Compiled on first use and kept: a class's rules are fixed once it is declared (as validation-metadata-cache.ts
    // assumes too).
    acceptor = compile(cls) ?? null;
    compiled.set(cls, acceptor);
  }
  return acceptor ?? undefined;
}

function compile(cls: PayloadClass): PayloadAcceptor | undefined {
  if (compiling.has(cls)) return undefined; // a class nested in itself: left to class-validator
  compiling.add(cls);
  try {
    return compileClass(cls);
  } finally {
    compiling.delete(cls);
  }
}

function compileClass(cls: PayloadClass): PayloadAcceptor | undefined {
  const rules = getMetadataStorage().getTargetValidationMetadatas(cls, '', false, false, undefined);
  if (rules.length === 0 || !exposesAll(cls)) return undefined;
  const byProperty = new Map<string, ValidationMetadata[]>();
  for (const rule of rules) {
    if ((rule.groups && rule.groups.length > 0) || rule.always !== undefined) return undefined;
    byProperty.set(rule.propertyName, [...(byProperty.get(rule.propertyName) ?? []), rule]);
  }
  if (!blankWithin(cls, byProperty)) return undefined;
  const checks: [string, Check][] = [];
  for (const [property, propertyRules] of byProperty) {
    const check = compileProperty(cls, property, propertyRules);
    if (!check) return undefined;
    checks.push([property, check]);
  }
  return (value) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
    const object = value as Record<string, unknown>;
    for (const key of Object.keys(object)) if (!byProperty.has(key)) return false; // forbidNonWhitelisted
    for (const [property, check] of checks) if (!check(object[property], object)) return false;
    return true;
  };
}

/** plainToInstance(cls, json) copies every property of a JSON object: no exposure rules. */
function exposesAll(cls: PayloadClass): boolean {
  return (
    transformerStorage.getExposedMetadatas(cls).length === 0 &&
    transformerStorage.getExcludedMetadatas(cls).length === 0
  );
}

/**
 * plainToInstance starts from `new cls()`: its own properties (declared fields are, with `undefined`) must add no
 * value, as a default would, and no property without rules, which the whitelist would refuse in every payload.
 */
function blankWithin(cls: PayloadClass, ruled: ReadonlyMap<string, unknown>): boolean {
  try {
    const blank = new (cls as new () => object)();
    return Object.entries(blank).every(([key, value]) => value === undefined && ruled.has(key));
  } catch {
    return false;
  }
}

/** class-validator's order for one property: conditions, then IsDefined, then the other rules, then nested objects. */
function compileProperty(cls: PayloadClass, property: string, rules: ValidationMetadata[]): Check | undefined {
  if (transformerStorage.findTransformMetadatas(cls, property, PLAIN_TO_CLASS).length > 0) return undefined;
  const conditions: ((object: object, value: unknown) => boolean)[] = [];
  const defined: Check[] = [];
  const custom: Check[] = [];
  let nested: ((value: unknown) => boolean) | undefined;
  for (const rule of rules) {
    switch (rule.type) {
      case ValidationTypes.WHITELIST:
        break;
      case ValidationTypes.CONDITIONAL_VALIDATION:
        conditions.push(rule.constraints[0] as (object: object, value: unknown) => boolean);
        break;
      case ValidationTypes.IS_DEFINED:
      case ValidationTypes.CUSTOM_VALIDATION: {
        const check = compileConstraint(cls, rule);
        if (!check) return undefined;
        (rule.type === ValidationTypes.IS_DEFINED ? defined : custom).push(check);
        break;
      }
      case ValidationTypes.NESTED_VALIDATION:
        nested = compileNested(cls, property);
        if (!nested) return undefined;
        break;
      default:
        return undefined; // promise validation and anything newer
    }
  }
  if (!nested && transformerStorage.findTypeMetadata(cls, property)) return undefined; // @Type converts the value
  return (value, object) => {
    for (const condition of conditions) if (!condition(object, value)) return true; // skipped, as class-validator does
    for (const check of defined) if (!check(value, object)) return false;
    for (const check of custom) if (!check(value, object)) return false;
    return value === undefined || !nested || nested(value);
  };
}

function compileConstraint(cls: PayloadClass, rule: ValidationMetadata): Check | undefined {
  const storage = getMetadataStorage() as unknown as ConstraintStorage;
  const constraints = storage.getTargetValidatorConstraints(rule.constraintCls);
  if (constraints.length === 0 || constraints.some((c) => c.async)) return undefined;
  const instances = constraints.map((c) => c.instance);
  const holds = (instance: ConstraintInstance, value: unknown, object: object): boolean => {
    const args: ValidationArguments = {
      targetName: cls.name,
      property: rule.propertyName,
      object,
      value,
      constraints: rule.constraints,
    };
    const result = instance.validate(value, args);
    return result === true || (Boolean(result) && !(result instanceof Promise));
  };
  return (value, object) => {
    for (const instance of instances) {
      if (rule.each && Array.isArray(value)) {
        for (const item of value) if (!holds(instance, item, object)) return false;
      } else if (!holds(instance, value, object)) return false;
    }
    return true;
  };
}

/** @ValidateNested with @Type(() => Class): an object of that class, or an array of them. */
function compileNested(cls: PayloadClass, property: string): ((value: unknown) => boolean) | undefined {
  const type = transformerStorage.findTypeMetadata(cls, property);
  if (!type || type.options?.discriminator) return undefined;
  const target = type.typeFunction() as PayloadClass | undefined;
  if (typeof target !== 'function') return undefined;
  const accepts = payloadAcceptor(target);
  if (!accepts) return undefined;
  const one = (item: unknown) => typeof item === 'object' && item !== null && !Array.isArray(item) && accepts(item);
  return (value) => (Array.isArray(value) ? value.every(one) : one(value));
}
