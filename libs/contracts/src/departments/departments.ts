import { ValidateBy, type ValidationOptions } from 'class-validator';
// The one seed file of the zone's departments (GLOSSARY: "keep them in one seed file"); demo data loads it too.
import seedDepartments from '../../../../seed/departments.json';

export const DEPARTMENT_KINDS = ['bureau', 'office', 'centre', 'township', 'community'] as const;
export type DepartmentKind = (typeof DEPARTMENT_KINDS)[number];

export interface Department {
  /** Short stable code from pinyin initials, e.g. `SPJ` (审批局). Never reuse or rename a code. */
  readonly code: string;
  readonly kind: DepartmentKind;
  /** The name as the zone's documents write it, e.g. 市场监管分局. */
  readonly name: string;
  readonly nameEn: string;
}

const CODE = /^[A-Z]{2,6}$/;
export const DEPARTMENT_CODE_RULE = 'isDepartmentCode';

/** Checks a department list (codes well formed and unique, kinds known); throws naming every problem. */
export function parseDepartments(raw: unknown): readonly Department[] {
  if (!Array.isArray(raw)) throw new TypeError('departments: expected a JSON array');
  const problems: string[] = [];
  const codes = new Set<string>();
  const departments = raw.map((entry: unknown, i): Department => {
    const d = (typeof entry === 'object' && entry !== null ? entry : {}) as Record<string, unknown>;
    const { code, kind, name, nameEn } = d;
    if (typeof code !== 'string' || !CODE.test(code)) problems.push(`[${i}].code must be 2-6 upper-case letters`);
    else if (codes.has(code)) problems.push(`[${i}].code ${code} is used twice`);
    else codes.add(code);
    if (!DEPARTMENT_KINDS.includes(kind as DepartmentKind))
      problems.push(`[${i}].kind must be one of ${DEPARTMENT_KINDS.join(', ')}`);
    if (typeof name !== 'string' || name.trim() === '') problems.push(`[${i}].name must be a non-empty string`);
    if (typeof nameEn !== 'string' || nameEn.trim() === '') problems.push(`[${i}].nameEn must be a non-empty string`);
    return Object.freeze({ code, kind, name, nameEn } as Department);
  });
  if (problems.length > 0) throw new TypeError(`departments: ${problems.join('; ')}`);
  return Object.freeze(departments);
}

export const DEPARTMENTS: readonly Department[] = parseDepartments(seedDepartments);

const BY_CODE: ReadonlyMap<string, Department> = new Map(DEPARTMENTS.map((d) => [d.code, d]));

/**
 * The zone's coordinators (政法委, 党政办): they assign unassigned approvals, re-route returned pushes, read every
 * department's ledger and receive the escalations of every time limit.
 */
export const COORDINATORS = ['ZFW', 'DZB'] as const;

export function isCoordinator(code: string): boolean {
  return (COORDINATORS as readonly string[]).includes(code);
}

export function departmentByCode(code: string): Department | undefined {
  return BY_CODE.get(code);
}

export function isDepartmentCode(value: unknown): value is string {
  return typeof value === 'string' && BY_CODE.has(value);
}

/** One of the codes in `seed/departments.json`. */
export function IsDepartmentCode(validationOptions?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: DEPARTMENT_CODE_RULE,
      validator: {
        validate: (value) => isDepartmentCode(value),
        defaultMessage: (args) =>
          `${args?.property ?? 'value'} must be a department code from seed/departments.json (e.g. SPJ, SCJG)`,
      },
    },
    validationOptions,
  );
}
