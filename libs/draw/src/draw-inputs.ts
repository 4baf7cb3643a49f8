import type { DrawInputs, DrawStratum } from './draw-types';
import { isWellFormed } from './utf8';

/** Input that SSGK-DRAW-1 cannot draw from: `field` is its path in the record, `rule` what it breaks. */
export class DrawInputError extends Error {
  constructor(
    readonly field: string,
    readonly rule: string,
  ) {
    super(`${field}: ${rule}`);
    this.name = 'DrawInputError';
  }
}

type Json = Record<string, unknown>;

export function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function text(value: unknown, field: string, nonEmpty = false): string {
  if (typeof value !== 'string') throw new DrawInputError(field, 'must be a string');
  if (!isWellFormed(value)) throw new DrawInputError(field, 'must be well-formed Unicode (it has a lone surrogate)');
  if (nonEmpty && value.length === 0) throw new DrawInputError(field, 'must not be empty');
  return value;
}

function integer(value: unknown, field: string, min: number, max = Number.MAX_SAFE_INTEGER): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new DrawInputError(field, `must be an integer from ${min} to ${max}`);
  }
  return value;
}

function list(value: unknown, field: string): unknown[] {
  if (!Array.isArray(value)) throw new DrawInputError(field, 'must be an array');
  return value;
}

function object(value: unknown, field: string): Json {
  if (!isObject(value)) throw new DrawInputError(field, 'must be an object');
  return value;
}

export function key(name: string): string {
  return JSON.stringify(name);
}

/**
 * Checks the inputs a draw reads (spec "Inputs") and names the first bad field. Besides the types: stratum names
 * and department codes are unique (each labels a stream), a candidate is in one stratum once, every candidate has
 * each department's eligible list, and a list names an inspector once (a team's members are distinct).
 */
export function checkInputs(value: unknown): DrawInputs {
  const record = object(value, 'record');
  text(record.planId, 'planId');
  const strata = checkStrata(record.strata);
  const departments = list(record.departments, 'departments');
  const codes = new Set<string>();
  departments.forEach((raw, d) => {
    const department = object(raw, `departments[${d}]`);
    const code = text(department.code, `departments[${d}].code`, true);
    if (codes.has(code)) throw new DrawInputError(`departments[${d}].code`, `repeats the department ${key(code)}`);
    codes.add(code);
    integer(department.inspectorsPerTarget, `departments[${d}].inspectorsPerTarget`, 1);
  });
  if (record.maxTargetsPerInspector !== undefined && record.maxTargetsPerInspector !== null) {
    integer(record.maxTargetsPerInspector, 'maxTargetsPerInspector', 1);
  }
  const eligible = object(record.eligible, 'eligible');
  // A list shared by many candidates (one per department and exclusion set) is checked once.
  const checked = new Set<unknown[]>();
  const codeList = [...codes];
  for (const stratum of strata) {
    for (const uscc of stratum.candidates) checkEligible(eligible, uscc, codeList, checked);
  }
  return record as unknown as DrawInputs;
}

/** The strata's types; that a candidate is in one stratum once is checked when they are sorted (sortedCandidates). */
export function checkStrata(value: unknown): DrawStratum[] {
  const strata = list(value, 'strata');
  const names = new Set<string>();
  strata.forEach((raw, s) => checkStratum(raw, `strata[${s}]`, names));
  return strata as DrawStratum[];
}

function checkStratum(raw: unknown, field: string, names: Set<string>): void {
  const stratum = object(raw, field);
  const name = text(stratum.name, `${field}.name`, true);
  if (names.has(name)) throw new DrawInputError(`${field}.name`, `repeats the stratum ${key(name)}`);
  names.add(name);
  integer(stratum.ratioBp, `${field}.ratioBp`, 0, 10000);
  const candidates = list(stratum.candidates, `${field}.candidates`);
  for (let c = 0; c < candidates.length; c++) {
    const uscc = candidates[c];
    // The path is written out only for a bad candidate: a plan has up to a million.
    if (typeof uscc !== 'string' || uscc.length === 0 || !isWellFormed(uscc)) {
      text(uscc, `${field}.candidates[${c}]`, true);
    }
  }
}

function checkEligible(eligible: Json, uscc: string, codes: readonly string[], checked: Set<unknown[]>): void {
  const per = eligible[uscc];
  if (!isObject(per)) {
    throw new DrawInputError(`eligible[${key(uscc)}]`, 'must be an object: every candidate has its eligible lists');
  }
  for (const code of codes) {
    const ids = per[code];
    if (Array.isArray(ids) && checked.has(ids)) continue;
    const where = `eligible[${key(uscc)}][${key(code)}]`;
    if (!Array.isArray(ids)) {
      throw new DrawInputError(where, "must be an array of inspector ids (every candidate, every department's)");
    }
    const once = new Set<string>();
    ids.forEach((raw: unknown, i) => {
      const id = text(raw, `${where}[${i}]`, true);
      if (once.has(id)) throw new DrawInputError(`${where}[${i}]`, `repeats ${key(id)}`);
      once.add(id);
    });
    checked.add(ids);
  }
}
